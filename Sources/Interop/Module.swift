// Placeholder until the module lands.
enum InteropModule {}
