// Placeholder until the module lands.
enum MappingModule {}
