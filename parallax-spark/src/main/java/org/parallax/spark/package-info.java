/**
 * The Spark job: Parallax's per-document analysis ({@code parallax analyze}'s reading and
 * annotators, unchanged) over partitions of the input files on a cluster, writing the export's JSON
 * records as JSONL or Parquet and the failed inputs with their reasons. {@link
 * org.parallax.spark.SparkAnalyze} is the entry point for {@code spark-submit} and for Java code
 * that holds a {@code SparkSession}.
 */
package org.parallax.spark;
