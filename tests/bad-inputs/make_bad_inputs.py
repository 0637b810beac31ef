#!/usr/bin/env python3
"""Writes the small bad-input files beside this script (the big ones are made by the test itself).

Run from anywhere: python3 tests/bad-inputs/make_bad_inputs.py. The output is deterministic.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(objects, trailer_extra=b""):
    """A PDF with a correct cross-reference table around the given object bodies (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Minutes of the Parish Council meeting held on 1 May 2020) Tj ET"
PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>")

good = pdf([CATALOG, ONE_PAGE, FONT, stream(TEXT), PAGE])
write("good-one-page.pdf", good)
# A real PDF cut in the middle: no cross-reference table, no end of file.
write("truncated.pdf", good[: len(good) // 2])
# One page that only paints a rectangle: no text layer.
write("no-text.pdf", pdf([CATALOG, ONE_PAGE, FONT, stream(b"0 0 1 rg 100 100 200 200 re f"), PAGE]))
# The page tree claims a billion pages and holds one.
write("huge-page-count.pdf",
      pdf([CATALOG, b"<< /Type /Pages /Kids [5 0 R] /Count 1000000000 >>", FONT, stream(TEXT), PAGE]))
# Standard security handler whose user password is not empty: cannot be opened without it.
ENCRYPT = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"4d" * 32 + b"> /U <" + b"a5" * 32 + b"> /P -3904 >>"
write("encrypted.pdf",
      pdf([CATALOG, ONE_PAGE, FONT, stream(TEXT), PAGE, ENCRYPT],
          b"/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] "))
random.seed(10)
junk = b"\x00\x01" + bytes(random.getrandbits(8) for _ in range(2046))
write("binary-junk.pdf", junk)
write("binary-junk.html", junk[::-1])
write("zero-bytes.pdf", b"")
write("zero-bytes.html", b"")
