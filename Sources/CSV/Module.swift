// Placeholder until the module lands.
enum CSVModule {}
