package docs;

public enum Status { DRAFT, REVIEW, FINAL }
