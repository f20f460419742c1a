import Canonical
public import Spreadsheet

/// No cycles through `alignsTo` and parent links: a cycle would make the red thread run in a
/// circle instead of upward.
///
/// Each strongly connected group of goals (Tarjan's algorithm) is reported once, at its
/// first goal in reading order, with one cycle through it.
public struct CycleRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `goal-cycle`.
  public var codes: [DiagnosticCode] { [.goalCycle] }

  /// Checks the goal graph in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    let goals = scope.goals
    var edges = [[Int]](repeating: [], count: goals.count)
    for (index, goal) in goals.enumerated() {
      let from = scope.unitID(of: goal)
      for reference in goal.alignsTo + (goal.parentID.map { [$0] } ?? []) {
        if let target = scope.goalIndex(reference, from: from), !edges[index].contains(target) {
          edges[index].append(target)
        }
      }
    }
    var out: [Diagnostic] = []
    for component in Self.stronglyConnectedComponents(edges) {
      let members = Set(component)
      guard let first = component.min() else { continue }
      guard component.count > 1 || edges[first].contains(first) else { continue }
      var path = [first]
      var cursor = first
      while true {
        guard let next = edges[cursor].first(where: { members.contains($0) }) else { break }
        path.append(next)
        if let start = path.dropLast().firstIndex(of: next) {
          path = Array(path[start...])
          break
        }
        cursor = next
      }
      let text = path.map { goals[$0].id }.joined(separator: " → ")
      let anchor = goals[path.first ?? first]
      out.append(
        DiagnosticCode.goalCycle.diagnostic(
          at: anchor.provenance?.location(field: Field.alignsTo), ["path": text], value: anchor.id))
    }
    return out
  }

  /// Tarjan's strongly connected components, iterative (no recursion depth limit).
  ///
  /// - Parameter edges: adjacency lists over node indices `0..<edges.count`.
  /// - Returns: the components, each a list of node indices.
  static func stronglyConnectedComponents(_ edges: [[Int]]) -> [[Int]] {
    let n = edges.count
    var index = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var stack: [Int] = []
    var counter = 0
    var components: [[Int]] = []
    for root in 0..<n where index[root] < 0 {
      var work: [(node: Int, next: Int)] = [(root, 0)]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let top = work.last {
        let v = top.node
        if top.next < edges[v].count {
          work[work.count - 1].next += 1
          let w = edges[v][top.next]
          if index[w] < 0 {
            index[w] = counter
            low[w] = counter
            counter += 1
            stack.append(w)
            onStack[w] = true
            work.append((w, 0))
          } else if onStack[w] {
            low[v] = min(low[v], index[w])
          }
          continue
        }
        work.removeLast()
        if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
        if low[v] == index[v] {
          var component: [Int] = []
          while let w = stack.popLast() {
            onStack[w] = false
            component.append(w)
            if w == v { break }
          }
          components.append(component)
        }
      }
    }
    return components
  }
}
