public enum XLSXPlaceholder {}
