/// Takes the elements of one array member of a JSON document's top-level object, one at a time as each is parsed,
/// in place of the tree: a Terraform plan's 20,000 `resource_changes` then never stand in memory at once. Each
/// element handed over leaves a `null` in its place, with its range, so the array keeps its length and every later
/// pointer its index.
protocol JSONElementHandoff: AnyObject {
    /// The member of the top-level object whose array elements are handed over.
    var handedOverKey: String { get }
    /// Called when such an array opens: a repeated member starts over, and the last one is what counts.
    func beginHandoff()
    /// Called with each element and its index, in document order, as soon as the element is complete. The element
    /// is let go when this returns.
    func take(_ element: Node, index: Int)
}
