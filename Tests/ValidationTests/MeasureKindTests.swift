import Testing
import Validation

@Suite struct MeasureKindTests {
  @Test(arguments: [
    (
      nil as String?,
      "Elever i åk 9 som uppnått betygskriterierna i alla ämnen, kommunala skolor,  andel (%)",
      MeasureKind.percent
    ),
    (nil, "Elever i åk. 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)", .meritValue),
    (nil, "Elever i åk 9, betygspoäng i matematik, lägeskommun, genomsnitt", .gradePoints),
    ("%", "Närvaro", .percent),
    ("kr/elev", "Kostnad per elev", .cost),
    (nil, "Kostnad grundskola F-9, kr/elev", .cost),
    ("antal", "Elever", .count),
    (nil, "Invånare 0-19 år, antal", .count),
    ("procentenheter", "Förändring", .other),
    ("index", "Nöjd Kund Index", .other),
  ])
  func classifies(unit: String?, name: String, kind: MeasureKind) {
    #expect(MeasureKind.of(unitOfMeasure: unit, name: name) == kind)
  }

  @Test func bounds() {
    #expect(MeasureKind.percent.isPlausible(0) && MeasureKind.percent.isPlausible(100))
    #expect(!MeasureKind.percent.isPlausible(100.01) && !MeasureKind.percent.isPlausible(-0.1))
    #expect(MeasureKind.meritValue.isPlausible(340) && !MeasureKind.meritValue.isPlausible(340.5))
    #expect(!MeasureKind.cost.isPlausible(0) && MeasureKind.cost.isPlausible(0.5))
    #expect(!MeasureKind.other.isPlausible(.nan) && MeasureKind.other.isPlausible(-1e9))
  }
}
