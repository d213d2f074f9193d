/**
 * Pipeline and training configuration: YAML parsed into located nodes ({@code YamlLoader}, {@code Node},
 * {@code Location}) so that every error reads {@code FILE:LINE:COLUMN}; the pipeline file
 * ({@code PipelineConfig}, {@code InputConfig}, {@code OutputConfig}, {@code StageConfig}) and the
 * training file ({@code TrainConfig}); {@code --set} overrides ({@code Overrides}); and the options a
 * component declares ({@code OptionSpec}, {@code OptionType}) and receives validated ({@code Options}).
 * Problems are {@code ConfigException}s, found before any document is read.
 */
package dev.nlpipe.core.config;
