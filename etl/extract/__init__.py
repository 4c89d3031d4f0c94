"""EXTRACT stage: facts from one document; `document.extract_document` runs every extractor."""
