import Canonical
import Spreadsheet
import Testing

@testable import Mapping

@Suite struct ValueReaderTests {
  @Test(arguments: [
    ("47,8", 47.8), ("4 102", 4102), ("4\u{00A0}102", 4102), ("4\u{202F}102", 4102),
    ("302 227", 302_227), ("526708", 526_708), ("1,234.5", 1234.5), ("1.234,5", 1234.5),
    ("87.7", 87.7), ("-3,5", -3.5), ("−3,5", -3.5), ("12 %", 12), ("87,5 %", 87.5),
    ("137 600 kr", 137_600), ("12,5 mnkr", 12_500_000), ("250 tkr", 250_000),
    ("1,234,567", 1_234_567), ("0,5", 0.5), (",5", 0.5), ("128 412 kr/elev", 128_412),
  ])
  func numbers(text: String, value: Double) throws {
    let parsed = try #require(ValueReader.parseNumber(text))
    #expect(abs(parsed.value - value) < 1e-9)
  }

  @Test(arguments: ["", "abc", "12a", "1,2,3,4", "..", "~100", "1.2.3,4,5"])
  func notNumbers(text: String) {
    #expect(ValueReader.parseNumber(text) == nil)
  }

  @Test(arguments: [
    ("..", MissingReason.suppressed), (".", .notApplicable), ("-", .dropout), ("–", .dropout),
    ("~100", .masked), ("Ej mätt", .notMeasured), ("ej  MÄTT", .notMeasured), ("", .blank),
  ])
  func missingTokens(text: String, reason: MissingReason) {
    #expect(ValueReader.missingReason(text, extra: [:]) == reason)
  }

  @Test func percentCellsAndDeclaredScales() throws {
    // A percent-formatted cell holding 0.875 reads as 87.5 points.
    let cell = RawValue(value: .number(0.875), numberFormat: "0%")
    #expect(
      try ValueReader.number(cell, percent: true, input: .points, multiply: nil).get() == 87.5)
    // A bare number: points by default, fraction when declared.
    let bare = RawValue(value: .number(0.875))
    #expect(
      try ValueReader.number(bare, percent: true, input: .points, multiply: nil).get() == 0.875)
    #expect(
      try ValueReader.number(bare, percent: true, input: .fraction, multiply: nil).get() == 87.5)
    // Text with a % sign is points whatever the declaration.
    let text = RawValue(text: "87,5 %")
    #expect(
      try ValueReader.number(text, percent: true, input: .fraction, multiply: nil).get() == 87.5)
    #expect(
      try ValueReader.number(
        RawValue(text: "0,875"), percent: true, input: .fraction, multiply: nil
      ).get() == 87.5)
    // A column in tkr.
    #expect(
      try ValueReader.number(RawValue(text: "12,5"), percent: false, input: .points, multiply: 1000)
        .get() == 12_500)
  }

  @Test(arguments: [
    ("2026-03-03", "2026-03-03"), ("3 mars 2026", "2026-03-03"), ("den 3 mars 2026", "2026-03-03"),
    ("3 mar. 2026", "2026-03-03"), ("March 3, 2026", "2026-03-03"), ("2026/03/03", "2026-03-03"),
    ("20260303", "2026-03-03"), ("3/3/2026", "2026-03-03"), ("2026-01-01 00:00:00", "2026-01-01"),
    ("2026-01-01T08:30:00", "2026-01-01"), ("31 december 2025", "2025-12-31"),
  ])
  func dates(text: String, iso: String) throws {
    let d = try ValueReader.date(RawValue(text: text), dateSystem: .date1900).get()
    #expect(d.description == iso)
  }

  @Test func dateCellsAndSerials() throws {
    let serial = RawValue(value: .number(46084))  // 2026-03-03 in the 1900 system
    #expect(try ValueReader.date(serial, dateSystem: .date1900).get().description == "2026-03-03")
    let cell = RawValue(value: .dateTime(CivilDateTime(year: 2026, month: 11, day: 2)))
    #expect(try ValueReader.date(cell, dateSystem: .date1900).get().description == "2026-11-02")
    #expect(
      (try? ValueReader.date(RawValue(text: "30 februari 2026"), dateSystem: .date1900).get())
        == nil)
  }

  @Test(arguments: [
    ("Ja", true), ("nej", false), ("X", true), ("", false), ("Sant", true), ("Falskt", false),
    ("True", true), ("0", false), ("✓", true),
  ])
  func booleans(text: String, value: Bool) throws {
    #expect(try ValueReader.bool(RawValue(text: text)).get() == value)
  }

  @Test(arguments: [
    ("2024", "2024"), ("2024/25", "2024/25"), ("2016/2017", "2016/17"), ("VT 2025", "2025-VT"),
    ("T2 2026", "2026-T2"), ("2026-Q3", "2026-Q3"), ("kvartal 3 2026", "2026-Q3"),
    ("Kv 3 2026", "2026-Q3"), ("Valt läsår: 2024/25", "2024/25"), ("Valt år: 2024", "2024"),
    ("2010 to 2011", "2010/11"),
  ])
  func periods(text: String, id: String) throws {
    #expect(
      try ValueReader.period(RawValue(text: text), kind: nil, dateSystem: .date1900).get().id == id)
  }

  @Test func periodFromADateInside() throws {
    let date = RawValue(value: .dateTime(CivilDateTime(year: 2026, month: 9, day: 30)))
    #expect(
      try ValueReader.period(date, kind: .tertial, dateSystem: .date1900).get().id == "2026-T3")
    #expect(
      try ValueReader.period(RawValue(text: "2026-05-02"), kind: .quarter, dateSystem: .date1900)
        .get().id == "2026-Q2")
    #expect(
      try ValueReader.period(RawValue(value: .number(2025)), kind: nil, dateSystem: .date1900).get()
        .id == "2025")
  }

  @Test(arguments: [
    ("Minst 88 %", Target.Comparison.atLeast, 88.0, nil as Double?),
    ("Lägst 225 poäng", .atLeast, 225, nil), ("Max 13,2 %", .atMost, 13.2, nil),
    ("Högst 135 000 kr", .atMost, 135_000, nil), ("Under 5", .below, 5, nil),
    ("Över 50 %", .above, 50, nil), ("≥ 90", .atLeast, 90, nil), ("80–90 %", .range, 80, 90),
    ("5,0–5,5", .range, 5.0, 5.5), ("mellan 80 och 90", .range, 80, 90),
    ("Öka till 90 %", .atLeast, 90, nil), ("Minska till 10", .atMost, 10, nil),
    ("Increase the adjusted four-year cohort graduation rate to 92% by 2030.", .atLeast, 92, nil),
    ("At least 75%", .atLeast, 75, nil), ("88 %", .equal, 88, nil),
  ])
  func targets(text: String, comparison: Target.Comparison, value: Double, upper: Double?) throws {
    let t = try ValueReader.target(RawValue(text: text), bare: .equal).get()
    #expect(t.comparison == comparison)
    #expect(t.value.map { abs($0 - value) < 1e-9 } == true)
    #expect(t.upperValue == upper)
    #expect(t.text == text)
  }

  @Test func directionOnlyTargetsAndNumberCells() throws {
    #expect(
      try ValueReader.target(RawValue(text: "Öka"), bare: .equal).get().comparison == .increase)
    #expect(try ValueReader.target(RawValue(text: "Minska"), bare: .equal).get().value == nil)
    let cell = RawValue(value: .number(0.88), numberFormat: "0%")
    let t = try ValueReader.target(cell, bare: .atLeast).get()
    #expect(t.comparison == .atLeast && t.value == 88)
    #expect((try? ValueReader.target(RawValue(text: "Bra resultat"), bare: .equal).get()) == nil)
  }

  @Test func codesKeepLeadingZeros() throws {
    #expect(try ValueReader.code(RawValue(value: .number(180)), digits: 4).get() == "0180")
    #expect(try ValueReader.code(RawValue(text: "764"), digits: 4).get() == "0764")
    #expect(try ValueReader.code(RawValue(text: "2104"), digits: 4).get() == "2104")
    #expect((try? ValueReader.code(RawValue(text: "12345"), digits: 4).get()) == nil)
    #expect(try ValueReader.code(RawValue(text: "N15419"), digits: 4).get() == "N15419")
  }
}
