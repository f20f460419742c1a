extension DiagnosticCode {
  /// Makes a diagnostic of this kind, carrying its arguments so that it can be rendered in
  /// Swedish later (``Diagnostic/arguments``).
  ///
  /// - Parameters:
  ///   - location: where it is (`nil` for dataset-wide findings such as a missing delivery).
  ///   - values: the templates' arguments.
  ///   - value: the offending value as written.
  ///   - hint: what to do, when it is not the code's own hint (``hintTemplate``).
  /// - Returns: the diagnostic with this code's id and severity, the English message and hint.
  public func diagnostic(
    at location: SourceLocation?, _ values: [String: String], value: String? = nil,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      code: id, severity: severity, location: location, message: message(values),
      hint: hint ?? self.hint(values), value: value, arguments: values)
  }
}
