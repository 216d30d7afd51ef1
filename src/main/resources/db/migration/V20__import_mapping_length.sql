-- An import's mapping may name custom properties (io.nurture.imports.ImportMapping: up to 50 keys and their
-- headers): the request takes 16,000 characters of it, stored again with every field spelled out.
ALTER TABLE contact_import ALTER COLUMN mapping SET DATA TYPE VARCHAR(20000);
