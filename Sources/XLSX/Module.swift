// Placeholder until the module lands.
enum XLSXModule {}
