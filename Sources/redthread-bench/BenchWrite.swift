/// Writes the kpi_1m rows (the bench kit's kpidata.py) to `path`.
func benchWriteKPI1M(path: String) throws -> String {
  struct NotBuilt: Error {}
  throw NotBuilt()
}
