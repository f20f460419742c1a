// Placeholder until the module lands.
enum ValidationModule {}
