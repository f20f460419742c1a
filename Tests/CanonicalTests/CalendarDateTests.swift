import Canonical
import Testing

@Suite struct CalendarDateTests {
  @Test func daysSinceEpochRoundTripsAndMatchesKnownDates() {
    #expect(CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    #expect(CalendarDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
    #expect(CalendarDate(year: 1899, month: 12, day: 30).daysSinceEpoch == -25_569)
    #expect(CalendarDate(daysSinceEpoch: 20_543) == CalendarDate(year: 2026, month: 3, day: 31))
    for days in stride(from: -146_097, through: 146_097, by: 97) {
      #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }
  }
}
