-- What the intake decided for a message (ticket, bounce, later quarantine), as the API shows it.
ALTER TABLE inbound_message ADD COLUMN verdict jsonb;
