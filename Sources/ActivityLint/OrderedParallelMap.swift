import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps items on every core and hands the results to the caller in item order as soon as each is ready.
///
/// Workers claim items one at a time, so none waits at a batch boundary, and the caller's thread consumes (prints)
/// while they work. It also works itself whenever the next result is not ready, so the map finishes even when no
/// worker thread is free to start. Workers stay at most `window` items ahead of the consumer: memory stays flat
/// however many items there are.
enum OrderedParallelMap {
    static func run<Item: Sendable, Result: Sendable>(
        _ items: [Item], window: Int = 512, transform: @escaping @Sendable (Item) -> Result, each: (Result) -> Void
    ) {
        guard !items.isEmpty else { return }
        let state = State<Result>(count: items.count, window: max(window, 1))
        let workers = min(max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1), items.count)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = state.claim(waiting: true) { state.store(transform(items[index]), at: index) }
            }
        }
        for index in items.indices {
            while true {
                switch state.next(index) {
                case .ready(let result):
                    each(result)
                case .work(let claimed):
                    state.store(transform(items[claimed]), at: claimed)
                    continue
                }
                break
            }
        }
        group.wait()
    }

    private enum Step<Result> {
        case ready(Result)
        /// The result is not ready and an item is free: the consumer maps it itself.
        case work(Int)
    }

    /// The claim counter and the result slots, behind one mutex with a condition each way.
    private final class State<Result>: @unchecked Sendable {
        // Allocated, not stored properties: pthread objects must not move.
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let resultReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let spaceFree = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private var slots: [Result?]
        private let window: Int
        private var nextToClaim = 0
        private var nextToTake = 0
        /// The index the consumer sleeps on, if it sleeps.
        private var awaited: Int?
        /// How many results in a row must be ready before a sleeping consumer is woken: waking it for each one
        /// would cost a context switch per item.
        private let wakeRun = 32

        init(count: Int, window: Int) {
            slots = Array(repeating: nil, count: count)
            self.window = window
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(resultReady, nil)
            pthread_cond_init(spaceFree, nil)
        }

        deinit {
            pthread_cond_destroy(spaceFree)
            pthread_cond_destroy(resultReady)
            pthread_mutex_destroy(mutex)
            spaceFree.deallocate()
            resultReady.deallocate()
            mutex.deallocate()
        }

        /// The next item to work on, or nil when all are claimed (or, not `waiting`, when the window is full);
        /// a waiting worker sleeps while the consumer is a window behind.
        func claim(waiting: Bool) -> Int? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return claimLocked(waiting: waiting)
        }

        private func claimLocked(waiting: Bool) -> Int? {
            while waiting && nextToClaim < slots.count && nextToClaim >= nextToTake + window {
                pthread_cond_wait(spaceFree, mutex)
            }
            guard nextToClaim < slots.count && nextToClaim < nextToTake + window else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }

        func store(_ result: Result, at index: Int) {
            pthread_mutex_lock(mutex)
            slots[index] = result
            if let awaited, index >= awaited, isReadyToWake(from: awaited) {
                self.awaited = nil
                pthread_cond_signal(resultReady)
            }
            pthread_mutex_unlock(mutex)
        }

        private func isReadyToWake(from index: Int) -> Bool {
            let end = min(index + wakeRun, slots.count)
            return slots[index..<end].allSatisfy { $0 != nil }
        }

        /// The result for `index` (taken in order) once it is ready, or an item to map meanwhile.
        func next(_ index: Int) -> Step<Result> {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            while slots[index] == nil {
                if let claimed = claimLocked(waiting: false) { return .work(claimed) }
                awaited = index
                pthread_cond_wait(resultReady, mutex)
            }
            let result = slots[index].take()!
            nextToTake = index + 1
            pthread_cond_broadcast(spaceFree)
            return .ready(result)
        }
    }
}
