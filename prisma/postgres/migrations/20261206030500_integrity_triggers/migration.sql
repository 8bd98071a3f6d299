-- What the SQLite migrations enforce with triggers (RAISE(ABORT, …)), for PostgreSQL, with the same messages so that
-- commands recognise a refusal alike on both databases (server/db/triggerRefusal.ts): the audit log, 公文 opinions and
-- trails and archive files are append-only, a sealed archive package is read-only, room bookings never overlap.

CREATE FUNCTION "tongban_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
END
$$;

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('audit events are append-only');
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('audit events are append-only');
-- TRUNCATE skips row triggers; SQLite has no TRUNCATE, PostgreSQL needs saying so.
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "tongban_refuse"('audit events are append-only');

CREATE TRIGGER "OfficialDocumentOpinion_no_update" BEFORE UPDATE ON "OfficialDocumentOpinion"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('opinions are immutable');
CREATE TRIGGER "OfficialDocumentOpinion_no_delete" BEFORE DELETE ON "OfficialDocumentOpinion"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('opinions are immutable');
CREATE TRIGGER "OfficialDocumentOpinion_no_truncate" BEFORE TRUNCATE ON "OfficialDocumentOpinion"
  FOR EACH STATEMENT EXECUTE FUNCTION "tongban_refuse"('opinions are immutable');

CREATE TRIGGER "OfficialDocumentEvent_no_update" BEFORE UPDATE ON "OfficialDocumentEvent"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('the trail of a 公文 is append-only');
CREATE TRIGGER "OfficialDocumentEvent_no_delete" BEFORE DELETE ON "OfficialDocumentEvent"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('the trail of a 公文 is append-only');
CREATE TRIGGER "OfficialDocumentEvent_no_truncate" BEFORE TRUNCATE ON "OfficialDocumentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "tongban_refuse"('the trail of a 公文 is append-only');

CREATE TRIGGER "ArchiveFile_no_update" BEFORE UPDATE ON "ArchiveFile"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('archive files are immutable');
CREATE TRIGGER "ArchiveFile_no_delete" BEFORE DELETE ON "ArchiveFile"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('archive files are immutable');
CREATE TRIGGER "ArchiveFile_no_truncate" BEFORE TRUNCATE ON "ArchiveFile"
  FOR EACH STATEMENT EXECUTE FUNCTION "tongban_refuse"('archive files are immutable');
CREATE TRIGGER "ArchivePackage_no_delete" BEFORE DELETE ON "ArchivePackage"
  FOR EACH ROW EXECUTE FUNCTION "tongban_refuse"('archive packages are never deleted');
CREATE TRIGGER "ArchivePackage_no_truncate" BEFORE TRUNCATE ON "ArchivePackage"
  FOR EACH STATEMENT EXECUTE FUNCTION "tongban_refuse"('archive packages are never deleted');

CREATE FUNCTION "tongban_archive_package_sealed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'sealed' AND (
    NEW."status" IS DISTINCT FROM OLD."status" OR NEW."archiveNumber" IS DISTINCT FROM OLD."archiveNumber"
    OR NEW."manifest" IS DISTINCT FROM OLD."manifest" OR NEW."manifestSha256" IS DISTINCT FROM OLD."manifestSha256"
    OR NEW."retention" IS DISTINCT FROM OLD."retention" OR NEW."classification" IS DISTINCT FROM OLD."classification"
    OR NEW."keepUntil" IS DISTINCT FROM OLD."keepUntil" OR NEW."title" IS DISTINCT FROM OLD."title"
    OR NEW."unitId" IS DISTINCT FROM OLD."unitId" OR NEW."year" IS DISTINCT FROM OLD."year"
  ) THEN
    RAISE EXCEPTION 'sealed archive packages are read-only';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ArchivePackage_sealed_read_only" BEFORE UPDATE ON "ArchivePackage"
  FOR EACH ROW EXECUTE FUNCTION "tongban_archive_package_sealed"();

-- A room's bookings are checked one at a time (a lock per room, held to the end of the transaction), so two
-- transactions booking the same room at once cannot both see it free.
CREATE FUNCTION "tongban_room_booking_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."endAt" <= NEW."startAt" THEN
    RAISE EXCEPTION 'room_booking_empty';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('RoomBooking'), hashtext(NEW."roomId"));
  IF EXISTS (
    SELECT 1 FROM "RoomBooking" b
    WHERE b."id" <> NEW."id" AND b."roomId" = NEW."roomId" AND b."startAt" < NEW."endAt" AND NEW."startAt" < b."endAt"
  ) THEN
    RAISE EXCEPTION 'room_booking_overlap';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "RoomBooking_no_overlap" BEFORE INSERT OR UPDATE OF "roomId", "startAt", "endAt" ON "RoomBooking"
  FOR EACH ROW EXECUTE FUNCTION "tongban_room_booking_check"();
