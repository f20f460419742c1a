// Placeholder until the module lands.
enum SpreadsheetIOModule {}
