import Testing

@testable import Canonical

@Suite struct PeriodTests {
  @Test(arguments: [
    ("2026", "2026"), ("2025/26", "2025/26"), ("2025/2026", "2025/26"), ("2016/2017", "2016/17"),
    ("läsår 2024/25", "2024/25"), ("Valt läsår: 2024/25", "2024/25"), ("VT 2025", "2025-VT"),
    ("ht2025", "2025-HT"), ("VT25", "2025-VT"), ("T2 2026", "2026-T2"), ("2026-T2", "2026-T2"),
    ("tertial 2 2026", "2026-T2"), ("2026-Q3", "2026-Q3"), ("Q3 2026", "2026-Q3"),
    ("kvartal 3 2026", "2026-Q3"), ("Kv 3 2026", "2026-Q3"), ("2026-03", "2026-03"),
    ("mars 2026", "2026-03"), ("2025-26", "2025/26"), ("år 2024", "2024"),
  ])
  func parses(text: String, id: String) {
    #expect(Period(parsing: text)?.id == id)
  }

  @Test(arguments: ["", "hej", "2026-13", "T4 2026", "Q5 2026", "12345", "2024/27"])
  func rejects(text: String) {
    #expect(Period(parsing: text) == nil)
  }

  @Test func boundsAndContainment() {
    let t2 = Period.tertial(2, 2026)
    #expect(t2.start == CalendarDate(year: 2026, month: 1, day: 1))
    #expect(t2.end == CalendarDate(year: 2026, month: 8, day: 31))
    #expect(Period.schoolYear(2025).end == CalendarDate(year: 2026, month: 6, day: 30))
    #expect(Period.quarter(3, 2026).isWithin(.year(2026)))
    #expect(
      Period.containing(CalendarDate(year: 2026, month: 9, day: 1), kind: .schoolYear).id
        == "2026/27")
    #expect(Period.quarter(1, 2024).end == CalendarDate(year: 2024, month: 3, day: 31))
  }

  @Test func targetComparison() {
    let t = Target(kpiID: "N15419", comparison: .atLeast, value: 88, text: "Minst 88 %")
    #expect(t.isMet(by: 88) == true)
    #expect(t.isMet(by: 87.9) == false)
    let inc = Target(kpiID: "N15419", comparison: .increase, text: "Öka")
    #expect(inc.isMet(by: 80) == nil)
    #expect(inc.isMet(by: 80, previous: 75) == true)
  }

  @Test func activityDelay() {
    let a = Activity(
      id: "A1", title: "Läsfrämjande", end: CalendarDate(year: 2026, month: 3, day: 31),
      status: .ongoing)
    #expect(a.isDelayed(on: CalendarDate(year: 2026, month: 4, day: 1)))
    var done = a
    done.status = .done
    #expect(!done.isDelayed(on: CalendarDate(year: 2026, month: 4, day: 1)))
  }
}
