package mapping;

public enum Level { LOW, MEDIUM, HIGH }
