import Canonical
public import Spreadsheet

/// References from nyckeltal, activities, assessments and målvärden resolve, and unit ids
/// name units of the register; a did-you-mean over ids and titles when they do not.
///
/// Goal references in `alignsTo` and `parentID` are checked by ``AlignmentRule``.
public struct ReferenceRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `unresolved-reference`, `unknown-unit`.
  public var codes: [DiagnosticCode] { [.unresolvedReference, .unresolvedUnit] }

  /// Checks every reference in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    func goalCandidates(_ unitID: String?) -> Suggestion {
      let isBoard = unitID == nil || unitID == scope.boardID
      return scope.candidates(
        levels: isBoard ? [.board, .council] : [.unit, .board], from: unitID)
    }
    func check(
      _ reference: String, from unitID: String?, kind: String, owner: String,
      provenance: Provenance?, field: String
    ) {
      let trimmed = reference.trimmedSpaces
      guard !trimmed.isEmpty, scope.goal(trimmed, from: unitID) == nil else { return }
      let isBoard = unitID == nil || unitID == scope.boardID
      var arguments = goalCandidates(unitID).arguments(
        for: trimmed, candidates: isBoard ? "boardGoals" : "unitGoals",
        unit: isBoard ? nil : scope.unitName(unitID))
      arguments["kind"] = kind
      arguments["owner"] = owner
      arguments["targetKind"] = "goal"
      arguments["reference"] = trimmed
      out.append(
        DiagnosticCode.unresolvedReference.diagnostic(
          at: provenance?.location(field: field), arguments, value: trimmed))
    }
    for kpi in scope.kpis {
      for reference in kpi.goalIDs {
        check(
          reference, from: kpi.unitID, kind: "nyckeltal", owner: kpi.id,
          provenance: kpi.provenance, field: Field.goal)
      }
    }
    for activity in scope.activities {
      for reference in activity.goalIDs {
        check(
          reference, from: activity.unitID, kind: "activity", owner: activity.label,
          provenance: activity.provenance, field: Field.goal)
      }
    }
    for assessment in scope.assessments {
      check(
        assessment.goalID, from: assessment.unitID, kind: "assessment",
        owner: assessment.goalID, provenance: assessment.provenance, field: Field.goal)
    }

    var kpiIDsByUnit: [String: Set<String>] = [:]
    for kpi in scope.kpis { kpiIDsByUnit[kpi.unitID ?? "", default: []].insert(kpi.id) }
    for target in scope.targets
    where !(kpiIDsByUnit[target.unitID ?? ""] ?? []).contains(
      target.kpiID)
    {
      var seen: Set<String> = []
      let candidates = scope.kpis.filter { $0.unitID == target.unitID }.compactMap {
        kpi -> Suggestion.Candidate? in
        seen.insert(kpi.id).inserted ? Suggestion.Candidate(id: kpi.id, title: kpi.name) : nil
      }
      var arguments = Suggestion(candidates: candidates).arguments(
        for: target.kpiID, candidates: "unitKPIs", unit: scope.unitName(target.unitID))
      arguments["kind"] = "målvärde"
      arguments["owner"] = target.text
      arguments["targetKind"] = "nyckeltal"
      arguments["reference"] = target.kpiID
      out.append(
        DiagnosticCode.unresolvedReference.diagnostic(
          at: target.provenance?.location(field: Field.kpi), arguments, value: target.kpiID))
    }

    var unitCandidates: [Suggestion.Candidate] = []
    for unit in scope.register.values.sorted(by: { $0.id < $1.id }) {
      unitCandidates.append(Suggestion.Candidate(id: unit.id, title: unit.name))
      for alias in unit.aliases {
        unitCandidates.append(Suggestion.Candidate(id: unit.id, title: alias))
      }
    }
    let units = Suggestion(candidates: unitCandidates)
    for reference in scope.unknownUnitReferences {
      var arguments = units.arguments(for: reference.unitID, candidates: "units")
      arguments["kind"] = reference.kind
      arguments["owner"] = reference.owner
      arguments["reference"] = reference.unitID
      out.append(
        DiagnosticCode.unresolvedUnit.diagnostic(
          at: reference.provenance?.location(field: Field.unit), arguments,
          value: reference.unitID))
    }
    return out
  }
}
