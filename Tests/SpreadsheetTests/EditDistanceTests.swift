import Spreadsheet
import Testing

@Suite struct EditDistanceTests {
  @Test(arguments: [
    ("", "", 0), ("NM-1", "NM-1", 0), ("NM1", "NM-1", 1), ("NM-9", "NM-1", 1),
    ("kitten", "sitting", 3), ("Lillåskolan", "Lillaskolan", 1), ("", "abc", 3),
  ])
  func distance(a: String, b: String, distance: Int) {
    #expect(EditDistance.distance(a, b) == distance)
    #expect(EditDistance.distance(b, a) == distance)
  }

  @Test func theRuleIsAThirdOfTheLongerTextAndAtLeastOne() {
    #expect(EditDistance.closeDistance("NM-9", "nm-1") == 1)
    #expect(EditDistance.closeDistance("ab", "xy") == nil)
    #expect(EditDistance.closeDistance("mapings", "mappings") == 1)
    #expect(EditDistance.closeDistance("Ekonomi", "Kunskaper") == nil)
    #expect(EditDistance.limit("abc", "abcdefghi") == 3)
    #expect(
      EditDistance.closest(to: "mapings", among: ["board", "mappings", "period"]) == "mappings")
    #expect(EditDistance.closest(to: "xyz", among: ["board", "period"]) == nil)
  }
}
