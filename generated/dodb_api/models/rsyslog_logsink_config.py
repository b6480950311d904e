from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.rsyslog_format import RsyslogFormat
from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    SECRET,
    STRING,
    Prop,
    Schema,
    Secret,
    dump,
    enum,
    load,
    text,
)


@_attrs_frozen
class RsyslogLogsinkConfig:
    """Where an `rsyslog` sink sends logs (upstream's
    models/logsink/rsyslog_logsink.yml)."""

    server: str
    """ The syslog server's DNS name or IPv4 address. """
    port: int
    """ The port the server listens on. """
    tls: bool
    """ Whether to send over TLS; advised, since logs are sent unfiltered and
    may hold sensitive data. """
    format_: RsyslogFormat
    """ The syslog message format: RFC 5424 (current), RFC 3164 (the old BSD
    one) or `custom` (see `logline`). """
    logline: Secret | None = None
    """ With `format: custom`, required: the template of a log line, with the
    tags `%HOSTNAME%`, `%app-name%`, `%msg%`, `%msgid%`, `%pri%`,
    `%procid%`, `%structured-data%`, `%timestamp%` and `%timestamp:::date-
    rfc3339%`. To reach Datadog from a cluster other than MongoDB, start the
    line with the Datadog API key, send to Datadog's intake host (port 10516
    in the US, 443 in the EU) and turn TLS on. Treated as a secret, since it
    may hold that key. """
    sd: Secret | None = None
    """ The structured-data block of RFC 5424 messages. Treated as a secret,
    since services that read it take their access token there. """
    ca: str | None = None
    """ The PEM certificate of the CA that signed the server's certificate. """
    key: Secret | None = None
    """ The PEM private key of the client certificate, when the server asks for
    one; a secret. """
    cert: str | None = None
    """ The PEM client certificate, when the server asks for one. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("server", "server", text(1), required=True),
            Prop("port", "port", INTEGER, required=True),
            Prop("tls", "tls", BOOLEAN, required=True),
            Prop("format", "format_", enum(RsyslogFormat), required=True),
            Prop("logline", "logline", SECRET),
            Prop("sd", "sd", SECRET),
            Prop("ca", "ca", STRING),
            Prop("key", "key", SECRET),
            Prop("cert", "cert", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> RsyslogLogsinkConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)
