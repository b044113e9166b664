#!/usr/bin/env python3
"""For the screenshots: attaches a rendering (a PNG drawn here, with its thumbnail) and a
drawing (a one-page PDF) to the decoration demo's customer with the most quote versions,
as the customer window's Attach File… would store them; prints that customer's id."""
import datetime, sqlite3, struct, sys, zlib

def png(width, height):
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            # A room: warm wall, floor boards, a window.
            if y > height * 0.7:
                c = (150 + (x // 12 % 2) * 20, 110, 70)
            elif width * 0.6 < x < width * 0.85 and height * 0.15 < y < height * 0.5:
                c = (170, 210, 240)
            else:
                c = (235, 225 - y * 40 // height, 205)
            row += bytes(c)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

db = sqlite3.connect(sys.argv[1])
customer, owner = db.execute("SELECT q.customer_id, c.owner_id FROM quotes q JOIN customers c ON c.id = q.customer_id "
                             "GROUP BY q.customer_id ORDER BY count(*) DESC, q.customer_id LIMIT 1").fetchone()
now = int(datetime.datetime(2026, 11, 20, 15, 30).timestamp())   # three days before the demo's today
big, thumb = png(1200, 750), png(256, 160)
for kind, name, ctype, data, th in (("rendering", "客厅效果图.png", "image/png", big, thumb),
                                    ("drawing", "水电施工图.pdf", "application/pdf", PDF, None)):
    db.execute("INSERT INTO attachments (customer_id, kind, file_name, content_type, size, by_id, at, thumbnail, data) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (customer, kind, name, ctype, len(data), owner, now, th, data))
db.commit()
print(customer)
