from enum import StrEnum
from typing import Any


class KafkaMessageFormatVersion(StrEnum):
    KAFKA_FORMAT_V0100IV0 = "0.10.0-IV0"
    KAFKA_FORMAT_V0100IV1 = "0.10.0-IV1"
    KAFKA_FORMAT_V0101IV0 = "0.10.1-IV0"
    KAFKA_FORMAT_V0101IV1 = "0.10.1-IV1"
    KAFKA_FORMAT_V0101IV2 = "0.10.1-IV2"
    KAFKA_FORMAT_V0102IV0 = "0.10.2-IV0"
    KAFKA_FORMAT_V0110IV0 = "0.11.0-IV0"
    KAFKA_FORMAT_V0110IV1 = "0.11.0-IV1"
    KAFKA_FORMAT_V0110IV2 = "0.11.0-IV2"
    KAFKA_FORMAT_V080 = "0.8.0"
    KAFKA_FORMAT_V081 = "0.8.1"
    KAFKA_FORMAT_V082 = "0.8.2"
    KAFKA_FORMAT_V090 = "0.9.0"
    KAFKA_FORMAT_V10IV0 = "1.0-IV0"
    KAFKA_FORMAT_V11IV0 = "1.1-IV0"
    KAFKA_FORMAT_V20IV0 = "2.0-IV0"
    KAFKA_FORMAT_V20IV1 = "2.0-IV1"
    KAFKA_FORMAT_V21IV0 = "2.1-IV0"
    KAFKA_FORMAT_V21IV1 = "2.1-IV1"
    KAFKA_FORMAT_V21IV2 = "2.1-IV2"
    KAFKA_FORMAT_V22IV0 = "2.2-IV0"
    KAFKA_FORMAT_V22IV1 = "2.2-IV1"
    KAFKA_FORMAT_V23IV0 = "2.3-IV0"
    KAFKA_FORMAT_V23IV1 = "2.3-IV1"
    KAFKA_FORMAT_V24IV0 = "2.4-IV0"
    KAFKA_FORMAT_V24IV1 = "2.4-IV1"
    KAFKA_FORMAT_V25IV0 = "2.5-IV0"
    KAFKA_FORMAT_V26IV0 = "2.6-IV0"
    KAFKA_FORMAT_V27IV0 = "2.7-IV0"
    KAFKA_FORMAT_V27IV1 = "2.7-IV1"
    KAFKA_FORMAT_V27IV2 = "2.7-IV2"
    KAFKA_FORMAT_V28IV0 = "2.8-IV0"
    KAFKA_FORMAT_V28IV1 = "2.8-IV1"
    KAFKA_FORMAT_V30IV0 = "3.0-IV0"
    KAFKA_FORMAT_V30IV1 = "3.0-IV1"
    KAFKA_FORMAT_V31IV0 = "3.1-IV0"
    KAFKA_FORMAT_V32IV0 = "3.2-IV0"
    KAFKA_FORMAT_V33IV0 = "3.3-IV0"
    KAFKA_FORMAT_V33IV1 = "3.3-IV1"
    KAFKA_FORMAT_V33IV2 = "3.3-IV2"
    KAFKA_FORMAT_V33IV3 = "3.3-IV3"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # A value the server added after this client was generated is kept as
        # an extra member instead of failing the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
