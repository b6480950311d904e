"""A client library for accessing DigitalOcean Managed Database Users"""
