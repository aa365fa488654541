"""Parallel language versions: segments, their translation state, cross-language checks, XLIFF."""
