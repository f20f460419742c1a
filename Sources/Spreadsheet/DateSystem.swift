/// The epoch a workbook counts its date serials from.
///
/// Models `workbookPr/@date1904` (ECMA-376 Part 1 §18.2.28). In the 1900 system serial 1 is
/// 1900-01-01 and serial 60 is the non-existent 1900-02-29 that Excel keeps for Lotus 1-2-3
/// compatibility; in the 1904 system serial 0 is 1904-01-01.
public enum DateSystem: String, Sendable, Hashable, Codable {
  /// Serial 1 = 1900-01-01 (Excel for Windows, the default).
  case date1900
  /// Serial 0 = 1904-01-01 (older Excel for Mac).
  case date1904

  /// Converts an Excel serial day number in this date system to a ``CivilDateTime``.
  ///
  /// In the 1900 system serials 0 ..< 60 are shifted one day forward so that serial 1 is
  /// 1900-01-01; serial 60 (Excel's non-existent 1900-02-29) reads as 1900-02-28, as
  /// calamine and openpyxl read it.
  ///
  /// - Parameter serial: Excel serial days, the fraction being the time of day.
  public func dateTime(fromSerial serial: Double) -> CivilDateTime {
    switch self {
    case .date1904:
      return CivilDateTime(serial: serial + 1462)
    case .date1900:
      if serial >= 0 && serial < 60 {
        return CivilDateTime(serial: serial + 1)
      }
      return CivilDateTime(serial: serial)
    }
  }

  /// Converts a ``CivilDateTime`` to an Excel serial day number in this date system.
  ///
  /// Dates from 1900-01-01 to 1900-02-28 get the serials Excel shows for them (1 ... 59).
  public func serial(from dateTime: CivilDateTime) -> Double {
    switch self {
    case .date1904:
      return dateTime.serial - 1462
    case .date1900:
      if dateTime.serial >= 1 && dateTime.serial < 61 {
        return dateTime.serial - 1
      }
      return dateTime.serial
    }
  }
}
