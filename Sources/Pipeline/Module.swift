// Placeholder until the module lands.
enum PipelineModule {}
