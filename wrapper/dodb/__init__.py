"""dodb: a typed client for the database-user API of DigitalOcean managed databases."""
