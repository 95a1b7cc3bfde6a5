#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of the current thread's stack a recursive parser may still use.
///
/// The HCL parser recurses once per level of nesting; the depth limit bounds that, but the stack a level needs
/// depends on the build (a debug build's frames are several times larger) and the thread (512 KiB for a secondary
/// thread on macOS). The budget turns "the stack is nearly used up" into a `nesting-too-deep` finding instead of
/// a crash, whatever the build and thread.
struct StackBudget {
    /// Where the stack stood when the budget was made.
    private let entry = StackBudget.currentAddress()
    /// The lowest address the parser may reach (0 when the stack's bounds are unknown), found once the parser has
    /// used `uncheckedUse`: finding it can cost a read of /proc/self/maps on Linux, which most parses never need.
    private var floor: UInt?
    private let reserve: Int
    private static let uncheckedUse: UInt = 64 * 1024

    /// A budget for the calling thread that keeps `reserve` bytes (at most a quarter of the stack) unused.
    init(reserve: Int = 128 * 1024) {
        self.reserve = reserve
    }

    /// Whether the caller's frame is still above the floor.
    mutating func hasRoom() -> Bool {
        let here = Self.currentAddress()
        if floor == nil {
            guard here < entry, entry - here > Self.uncheckedUse else { return true }
            if let (low, size) = Self.currentStackBounds() {
                floor = low + UInt(min(reserve, size / 4))
            } else {
                floor = 0
            }
        }
        return here > floor!
    }

    @inline(never)
    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The lowest address of the calling thread's stack and its size.
    private static func currentStackBounds() -> (low: UInt, size: Int)? {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard threadAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return (UInt(bitPattern: address), size)
        #elseif canImport(Darwin)
        let thread = pthread_self()
        let size = pthread_get_stacksize_np(thread)
        // Darwin gives the stack's top (its highest address); the stack grows down from it.
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        return (top - UInt(size), size)
        #else
        return nil
        #endif
    }
}

#if canImport(Glibc)
/// glibc's `pthread_getattr_np`, which its module map leaves out (it is declared only under `_GNU_SOURCE`).
@_silgen_name("pthread_getattr_np")
private func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
