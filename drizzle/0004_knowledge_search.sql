-- Knowledge posts' search vector: title (A) > tags (B) > body (C), stemmed in the post's own
-- language. A trigger rather than a generated column: array_to_string is not immutable.
CREATE FUNCTION knowledge_post_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	config regconfig := CASE NEW.language WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END;
BEGIN
	NEW.search :=
		setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') ||
		setweight(to_tsvector(config, array_to_string(NEW.tags, ' ')), 'B') ||
		setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C');
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER knowledge_post_search BEFORE INSERT OR UPDATE OF title, tags, body, language ON knowledge_post
	FOR EACH ROW EXECUTE FUNCTION knowledge_post_search_update();
