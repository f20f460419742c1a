import Testing
import Validation

@Suite struct SuggestionTests {
  let goals = Suggestion(candidates: [
    .init(id: "NM-1", title: "Fler elever når kunskapskraven i alla ämnen"),
    .init(id: "NM-2", title: "Alla barn och elever känner sig trygga"),
    .init(id: "NM-3", title: "Behöriga och legitimerade lärare"),
    .init(id: "LGR22-2.2", title: "Kunskaper"),
  ])

  @Test func closeIDsFirstThenByID() {
    #expect(goals.suggestions(for: "NM-9").map(\.id) == ["NM-1", "NM-2", "NM-3"])
    #expect(goals.suggestions(for: "nm2").map(\.id) == ["NM-2"])
    #expect(goals.suggestions(for: "LGR22-22").map(\.id) == ["LGR22-2.2"])
  }

  @Test func titlesAndPartsOfTitles() {
    #expect(goals.suggestions(for: "Alla barn och elever känner sig trygga.").map(\.id) == ["NM-2"])
    #expect(goals.suggestions(for: "legitimerade lärare").map(\.id) == ["NM-3"])
  }

  @Test func farTitlesByTheWordsTheyShare() {
    // Far by edits from every title, but a reworded NM-2: it shares "elever" and "trygga"
    // (small words such as "alla", "ska", "sig" not counted); NM-1 shares only "elever", too
    // few of four words.
    let reworded = "Alla elever ska känna sig trygga i skolan"
    #expect(goals.suggestions(for: reworded).map(\.id) == ["NM-2"])
    #expect(
      goals.hint(for: reworded, noun: "nämndmål")
        == "did you mean 'NM-2' (Alla barn och elever känner sig trygga)?")
    // A close candidate hides those found by shared words.
    let mixed = Suggestion(candidates: [
      .init(id: "NM-1", title: "Alla elever ska trivas och känna sig trygga i skolan"),
      .init(id: "NM-2", title: "Alla elever ska trivas i skolan"),
    ])
    #expect(
      mixed.suggestions(for: "Alla elever ska trivas i skolan!").map(\.id) == ["NM-2"])
  }

  @Test func nothingCloseListsFewIDs() {
    #expect(goals.suggestions(for: "Ekonomi").isEmpty)
    #expect(
      goals.hint(for: "Ekonomi", noun: "nämndmål") == "known nämndmål: NM-1, NM-2, NM-3, LGR22-2.2")
    let many = Suggestion(candidates: (1...9).map { .init(id: "X\($0)0000", title: "") })
    #expect(many.hint(for: "Ekonomi", noun: "goals") == nil)
  }

  @Test func hintWordings() {
    #expect(goals.hint(for: "NM-9", noun: "nämndmål") == "did you mean 'NM-1', 'NM-2' or 'NM-3'?")
    #expect(
      goals.hint(for: "NM2", noun: "nämndmål")
        == "did you mean 'NM-2' (Alla barn och elever känner sig trygga)?")
  }
}
