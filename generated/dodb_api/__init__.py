"""A client library for accessing DigitalOcean Managed Databases"""
