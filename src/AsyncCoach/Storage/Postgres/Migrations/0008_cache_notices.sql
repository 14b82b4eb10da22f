-- Cache invalidation across instances (branch pgrest): a change to a row an instance may hold in
-- its cache is announced on the channel 'asynccoach_cache' by a trigger, so inside the writer's
-- own transaction (delivered at commit, dropped on rollback; identical notices within one
-- transaction are delivered once). Whatever writes the table (a store, a purge, an operator's
-- psql) is covered. Payloads: 'norms:<team>', 'installation:<team>', 'person:<team>:<user>'.
CREATE FUNCTION asynccoach_team_cache_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('asynccoach_cache', TG_ARGV[0] || ':' || OLD.team_id);
    ELSE
        PERFORM pg_notify('asynccoach_cache', TG_ARGV[0] || ':' || NEW.team_id);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION asynccoach_person_cache_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('asynccoach_cache', 'person:' || OLD.team_id || ':' || OLD.user_id);
    ELSE
        PERFORM pg_notify('asynccoach_cache', 'person:' || NEW.team_id || ':' || NEW.user_id);
    END IF;
    RETURN NULL;
END $$;

-- The norms cache holds the learned phrases too, so phrase feedback invalidates it.
CREATE TRIGGER team_norms_cache_notice AFTER INSERT OR UPDATE OR DELETE ON team_norms
    FOR EACH ROW EXECUTE FUNCTION asynccoach_team_cache_notice('norms');
CREATE TRIGGER phrase_feedback_cache_notice AFTER INSERT OR UPDATE OR DELETE ON phrase_feedback
    FOR EACH ROW EXECUTE FUNCTION asynccoach_team_cache_notice('norms');
CREATE TRIGGER installations_cache_notice AFTER INSERT OR UPDATE OR DELETE ON installations
    FOR EACH ROW EXECUTE FUNCTION asynccoach_team_cache_notice('installation');
CREATE TRIGGER person_settings_cache_notice AFTER INSERT OR UPDATE OR DELETE ON person_settings
    FOR EACH ROW EXECUTE FUNCTION asynccoach_person_cache_notice();
