import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps items on every core and hands the results to the caller in item order as soon as each is ready.
///
/// Items may still be arriving (a directory walk) while workers map the first ones. Workers claim items one at a
/// time, so none waits at a batch boundary, and the caller's thread consumes (prints) while they work. It also
/// works itself whenever the next result is not ready, so the map finishes even when no worker thread is free to
/// start. Workers stay at most `window` items ahead of the consumer: memory stays flat however many items there are.
///
/// Workers start as items arrive, one a core but never more than the items beyond the one the caller maps itself:
/// a single file starts no thread (starting the pool and its threads was a tenth of a one-file run's wall time).
enum OrderedParallelMap {
    /// `produce` runs on the caller's thread and hands over the items in order; results it makes ready meanwhile
    /// are consumed as it goes. Returns how many worker threads it started.
    @discardableResult
    static func run<Item: Sendable, Result: Sendable>(
        window: Int = 512, cores: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), produce: ((Item) -> Void) -> Void,
        transform: @escaping @Sendable (Item) -> Result, each: (Result) -> Void
    ) -> Int {
        let state = State<Item, Result>(window: window, cores: max(cores, 1))
        // `produce` gets a closure that may consume results: the compiler must be told `each` is not kept.
        withoutActuallyEscaping(each) { each in
            consume(state, produce: produce, transform: transform, each: each)
        }
        return state.workersStarted
    }

    /// Not waited for: once every result is taken, a worker has nothing left to do, and one that starts late (all
    /// threads busy) finds nothing to claim and ends. Waiting could hang a caller that is itself on one of those
    /// threads.
    private static func startWorker<Item: Sendable, Result: Sendable>(
        _ state: State<Item, Result>, transform: @escaping @Sendable (Item) -> Result
    ) {
        DispatchQueue.global().async {
            while let (index, item) = state.claim(waiting: true) { state.store(transform(item), at: index) }
        }
    }

    /// The caller's part: hand the items over, consuming results ready meanwhile, then take the rest in order.
    private static func consume<Item: Sendable, Result: Sendable>(
        _ state: State<Item, Result>, produce: ((Item) -> Void) -> Void, transform: @escaping @Sendable (Item) -> Result,
        each: @escaping (Result) -> Void
    ) {
        var taken = 0
        var pending: [Item] = []
        // Handing items over in small groups keeps the lock quiet.
        func flush() {
            for _ in 0..<state.add(pending) { startWorker(state, transform: transform) }
            pending.removeAll(keepingCapacity: true)
            while let result = state.takeIfReady(taken) {
                each(result)
                taken += 1
            }
        }
        produce { item in
            pending.append(item)
            if pending.count == 32 { flush() }
        }
        flush()
        state.finish()
        while taken < state.count {
            switch state.next(taken) {
            case .ready(let result):
                each(result)
                taken += 1
            case .work(let index, let item):
                state.store(transform(item), at: index)
            }
        }
    }

    private enum Step<Item, Result> {
        case ready(Result)
        /// The result is not ready and an item is free: the consumer maps it itself.
        case work(Int, Item)
    }

    /// The items, the claim counter and the result slots, behind one mutex with a condition each way.
    private final class State<Item, Result>: @unchecked Sendable {
        // Allocated, not stored properties: pthread objects must not move.
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let resultReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let workAvailable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private var items: [Item] = []
        /// Results not yet taken, at their index modulo `window` (no more than `window` are ever in flight); one
        /// for each item so far, up to `window`, so that one file does not clear 512 slots.
        private var slots: [Result?] = []
        private var finished = false
        private let window: Int
        private let cores: Int
        private var started = 0
        private var nextToClaim = 0
        private var nextToTake = 0
        /// The index the consumer sleeps on, if it sleeps.
        private var awaited: Int?
        /// How many results in a row must be ready before a sleeping consumer is woken: waking it for each one
        /// would cost a context switch per item.
        private static var wakeRun: Int { 32 }

        init(window: Int, cores: Int) {
            self.window = max(window, Self.wakeRun)
            self.cores = cores
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(resultReady, nil)
            pthread_cond_init(workAvailable, nil)
        }

        deinit {
            pthread_cond_destroy(workAvailable)
            pthread_cond_destroy(resultReady)
            pthread_mutex_destroy(mutex)
            workAvailable.deallocate()
            resultReady.deallocate()
            mutex.deallocate()
        }

        /// How many items there are (all of them, once `finish` was called).
        var count: Int { locked { items.count } }

        var workersStarted: Int { locked { started } }

        /// Adds items; returns how many more workers to start for them (the caller counts as one).
        func add(_ more: [Item]) -> Int {
            guard !more.isEmpty else { return 0 }
            return locked {
                items += more
                while slots.count < min(window, items.count) { slots.append(nil) }
                pthread_cond_broadcast(workAvailable)
                let more = max(min(cores, items.count - 1) - started, 0)
                started += more
                return more
            }
        }

        func finish() {
            locked {
                finished = true
                pthread_cond_broadcast(workAvailable)
            }
        }

        /// The next item to work on, or nil when all are claimed (or, not `waiting`, when none is free now);
        /// a waiting worker sleeps while the consumer is a window behind or the items are still coming.
        func claim(waiting: Bool) -> (Int, Item)? {
            locked { claimLocked(waiting: waiting) }
        }

        private func claimLocked(waiting: Bool) -> (Int, Item)? {
            while waiting && !(finished && nextToClaim == items.count) && !isClaimable {
                pthread_cond_wait(workAvailable, mutex)
            }
            guard isClaimable else { return nil }
            nextToClaim += 1
            return (nextToClaim - 1, items[nextToClaim - 1])
        }

        private var isClaimable: Bool { nextToClaim < items.count && nextToClaim < nextToTake + window }

        func store(_ result: Result, at index: Int) {
            locked {
                slots[index % window] = result
                if let awaited, index >= awaited { wakeConsumerIfReady() }
            }
        }

        /// Wakes the consumer, which sleeps only once all items are in, when a run of results from where it waits
        /// is ready (or all that remain).
        private func wakeConsumerIfReady() {
            guard let awaited else { return }
            let end = min(awaited + Self.wakeRun, items.count)
            guard (awaited..<end).allSatisfy({ slots[$0 % window] != nil }) else { return }
            self.awaited = nil
            pthread_cond_signal(resultReady)
        }

        /// The result for `index` (taken in order) if it is ready now.
        func takeIfReady(_ index: Int) -> Result? {
            locked { index < items.count && slots[index % window] != nil ? takeLocked(index) : nil }
        }

        /// The result for `index` (taken in order) once it is ready, or an item to map meanwhile.
        func next(_ index: Int) -> Step<Item, Result> {
            locked {
                while slots[index % window] == nil {
                    if let (claimed, item) = claimLocked(waiting: false) { return .work(claimed, item) }
                    awaited = index
                    pthread_cond_wait(resultReady, mutex)
                }
                return .ready(takeLocked(index))
            }
        }

        private func takeLocked(_ index: Int) -> Result {
            let result = slots[index % window].take()!
            nextToTake = index + 1
            pthread_cond_broadcast(workAvailable)
            return result
        }

        private func locked<Value>(_ body: () -> Value) -> Value {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return body()
        }
    }
}
