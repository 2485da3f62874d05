"""The kallelse with föredragningslista and the meeting packet (handlingar)."""
