import Spreadsheet

/// Parses the ISO 8601 text of `t="d"` cells (ECMA-376 Part 1 §18.17.4.1, ST_Xstring in
/// xsd:dateTime form): `2026-03-31`, `2026-03-31T10:15:00`, `2026-03-31T10:15:00.250Z`, or a
/// time alone, `10:15:00`. A zone suffix is ignored: spreadsheet dates have no zone.
enum ISODateText {
  static func parse(_ text: String) -> CivilDateTime? {
    let bytes = Array(text.utf8)
    var i = 0
    func number(_ count: Int) -> Int? {
      guard i + count <= bytes.count else { return nil }
      var n = 0
      for k in i..<(i + count) {
        let d = bytes[k] &- UInt8(ascii: "0")
        guard d < 10 else { return nil }
        n = n * 10 + Int(d)
      }
      i += count
      return n
    }
    func expect(_ c: Character) -> Bool {
      guard i < bytes.count, bytes[i] == c.asciiValue else { return false }
      i += 1
      return true
    }
    func time() -> Double? {
      guard let h = number(2), expect(":"), let m = number(2) else { return nil }
      var seconds = 0.0
      if expect(":") {
        guard let s = number(2) else { return nil }
        seconds = Double(s)
        if expect(".") {
          var scale = 0.1
          while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10 {
            seconds += Double(bytes[i] &- UInt8(ascii: "0")) * scale
            scale /= 10
            i += 1
          }
        }
      }
      guard h < 24, m < 60, seconds < 61 else { return nil }
      return Double(h) * 3600 + Double(m) * 60 + seconds
    }
    if bytes.count >= 5, bytes[2] == UInt8(ascii: ":") {
      guard let t = time() else { return nil }
      return CivilDateTime(serial: t / 86_400)
    }
    guard let y = number(4), expect("-"), let mo = number(2), expect("-"), let d = number(2),
      (1...12).contains(mo), (1...31).contains(d)
    else { return nil }
    var seconds = 0.0
    if expect("T") || expect(" ") {
      guard let t = time() else { return nil }
      seconds = t
    }
    return CivilDateTime(year: y, month: mo, day: d, second: seconds)
  }
}
