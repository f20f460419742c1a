// Placeholder until the module lands.
enum ReportingModule {}
