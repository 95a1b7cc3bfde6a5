import Foundation
import Synchronization
import Testing
@_spi(Internals) @testable import ActivityLint

/// Files are linted on every core while the walk still finds them, and the report keeps their order.
struct OrderedParallelMapTests {
    @Test(arguments: [0, 1, 31, 32, 33, 1_000])
    func resultsArriveOnceEachInItemOrder(count: Int) {
        var results: [Int] = []
        OrderedParallelMap.run(
            window: 8, produce: { add in (0..<count).forEach(add) },
            transform: { item in
                // Uneven work, so workers finish out of order.
                var sum = 0
                for step in 0..<((item * 7919) % 500) { sum &+= step }
                return item * 2 + (sum & 0)
            },
            each: { results.append($0) })
        #expect(results == (0..<count).map { $0 * 2 })
    }

    /// One file starts no thread (the caller maps it itself); more files start a worker a core, never more than
    /// the files beyond the caller's own.
    @Test(arguments: [(0, 4, 0), (1, 4, 0), (1, 1, 0), (2, 4, 1), (3, 4, 2), (100, 4, 4), (100, 1, 1), (33, 2, 2)])
    func workersStartOnlyForItemsTheCallerDoesNotMap(count: Int, cores: Int, started: Int) {
        var results: [Int] = []
        let workers = OrderedParallelMap.run(
            window: 8, cores: cores, produce: { add in (0..<count).forEach(add) }, transform: { $0 * 3 },
            each: { results.append($0) })
        #expect(workers == started)
        #expect(results == (0..<count).map { $0 * 3 })
    }

    @Test func resultsReadyDuringTheWalkAreConsumedDuringTheWalk() {
        let mapped = Atomic<Int>(0)
        var consumedWhileProducing = 0
        var producing = true
        OrderedParallelMap.run(
            window: 16,
            produce: { add in
                for item in 0..<64 { add(item) }
                // Wait (at most ten seconds) until the workers have mapped some items, then hand over more.
                for _ in 0..<10_000 where mapped.load(ordering: .relaxed) < 16 { usleep(1_000) }
                for item in 64..<128 { add(item) }
                producing = false
            },
            transform: { item in
                mapped.add(1, ordering: .relaxed)
                return item
            },
            each: { _ in if producing { consumedWhileProducing += 1 } })
        #expect(consumedWhileProducing > 0)
    }

    @Test func finishesWhenEveryWorkerThreadIsBusy() {
        // Each call runs on a pool thread and starts workers on the same pool: the callers do the work themselves
        // rather than wait for workers that cannot start.
        let sums = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { call in
            var results: [Int] = []
            OrderedParallelMap.run(
                window: 4, produce: { add in (0..<200).forEach(add) }, transform: { $0 + call },
                each: { results.append($0) })
            #expect(results == (0..<200).map { $0 + call })
            sums.withLock { $0.append(results.reduce(0, +)) }
        }
        #expect(sums.withLock { $0.count } == 16)
    }
}
