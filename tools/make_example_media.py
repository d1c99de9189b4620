# Drawing program for the example report's illustrations in content/media/ (a tool for maintainers, not part of kompas-site).
"""Teken de voorbeeldillustraties van het voorbeeldrapport (Stichting De Wilgenhoeve).

De afbeeldingen in content/media/ zijn getekend, geen foto's van echte mensen: vlakke vormen,
zachte kleuren, gestileerde mensen zonder gezichtsdetails. Het script gebruikt alleen Pillow en
is deterministisch (vaste seeds), zodat elke run precies dezelfde bestanden oplevert.

    python tools/make_example_media.py            # schrijft naar content/media/
    python tools/make_example_media.py --png /tmp # ook een PNG-kopie om te bekijken
    python tools/make_example_media.py moestuin.jpg  # alleen deze afbeelding

Elke JPEG is 1600 x 1067 pixels, sRGB, kwaliteit 85, zonder EXIF-gegevens.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import struct
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageDraw

W, H = 1600, 1067
HAND = 0.23  # straal van een hand, in u
SH = -5.6  # hoogte van de schouders bij staan, in u
S = 2  # teken op dubbele grootte en verklein daarna: zachte randen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "media"

# Zacht, warm kleurenpalet.
CREAM = (248, 241, 228)
WARM_WALL = (244, 228, 206)
SKY_TOP = (157, 205, 230)
SKY_LOW = (222, 238, 242)
WHITE = (255, 253, 248)
SAGE = (160, 190, 150)
SAGE_DARK = (111, 150, 108)
GRASS = (150, 196, 120)
GRASS_DARK = (118, 170, 96)
LEAF = (94, 150, 90)
LEAF_DARK = (68, 120, 72)
LEAF_LIGHT = (140, 190, 112)
TERRA = (214, 130, 96)
TERRA_DARK = (180, 100, 72)
MUSTARD = (236, 184, 74)
TEAL = (72, 138, 140)
TEAL_DARK = (50, 106, 110)
NAVY = (56, 72, 98)
PINK = (232, 160, 156)
ROSE = (206, 110, 120)
LILAC = (168, 150, 200)
SOFT_BLUE = (120, 164, 204)
WOOD = (196, 148, 100)
WOOD_LIGHT = (222, 182, 132)
WOOD_DARK = (150, 104, 66)
SOIL = (118, 84, 60)
GREY = (178, 178, 176)
GREY_DARK = (120, 122, 126)
RED = (214, 72, 62)
ORANGE = (238, 136, 52)
STEEL = (196, 204, 210)

SKIN = [(241, 200, 170), (224, 172, 134), (196, 140, 100), (150, 98, 66), (110, 72, 50)]
HAIR_DARK = (52, 40, 36)
HAIR_BROWN = (110, 72, 44)
HAIR_BLOND = (214, 174, 104)
HAIR_GREY = (200, 198, 196)
HAIR_AUBURN = (150, 74, 44)


def shade(col, f):
    """Donkerder (f < 1) of lichter (f > 1) maken."""
    if f <= 1:
        return tuple(int(c * f) for c in col)
    return tuple(int(c + (255 - c) * (f - 1)) for c in col)


def mix(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


class Canvas:
    """Tekenvlak in eindpixels; tekent intern op S keer de grootte."""

    def __init__(self, bg=CREAM):
        self.im = Image.new("RGB", (W * S, H * S), bg)
        self.d = ImageDraw.Draw(self.im)

    @staticmethod
    def _pts(pts):
        return [(x * S, y * S) for x, y in pts]

    def rect(self, x0, y0, x1, y1, fill):
        self.d.rectangle([x0 * S, y0 * S, x1 * S - 1, y1 * S - 1], fill=fill)

    def rrect(self, x0, y0, x1, y1, r, fill):
        self.d.rounded_rectangle([x0 * S, y0 * S, x1 * S, y1 * S], radius=r * S, fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill):
        self.d.ellipse([(cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S], fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx, cy, r, r, fill)

    def ring(self, cx, cy, r, width, fill):
        self.d.ellipse([(cx - r) * S, (cy - r) * S, (cx + r) * S, (cy + r) * S], outline=fill, width=int(width * S))

    def poly(self, pts, fill):
        self.d.polygon(self._pts(pts), fill=fill)

    def line(self, pts, width, fill, caps=True):
        self.d.line(self._pts(pts), fill=fill, width=max(1, int(width * S)), joint="curve")
        if caps:
            for x, y in pts:
                self.circle(x, y, width / 2, fill)

    def pieslice(self, cx, cy, rx, ry, start, end, fill):
        self.d.pieslice([(cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S], start, end, fill=fill)

    def chord(self, cx, cy, rx, ry, start, end, fill):
        self.d.chord([(cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S], start, end, fill=fill)

    def arc(self, cx, cy, rx, ry, start, end, width, fill):
        self.d.arc(
            [(cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S],
            start,
            end,
            fill=fill,
            width=max(1, int(width * S)),
        )

    def vgradient(self, x0, y0, x1, y1, c0, c1):
        steps = int((y1 - y0) * S)
        for i in range(steps):
            col = mix(c0, c1, i / max(1, steps - 1))
            self.d.line([(x0 * S, y0 * S + i), (x1 * S, y0 * S + i)], fill=col)

    @contextmanager
    def clip(self, x0, y0, x1, y1):
        """Alles wat binnen dit blok getekend wordt, blijft binnen de rechthoek."""
        saved = self.im.copy()
        yield self
        box = (int(x0 * S), int(y0 * S), int(x1 * S), int(y1 * S))
        region = self.im.crop(box)
        self.im.paste(saved)
        self.im.paste(region, box)

    def result(self):
        return self.im.resize((W, H), Image.LANCZOS)


# ---------------------------------------------------------------- kleine bouwstenen


def superellipse(cx, cy, ax, ay, angle=0.0, n=4.0, taper=0.0, steps=64):
    """Afgeronde rechthoek-achtige vorm; ay ligt langs de as 'angle' (0 = verticaal).

    taper > 0 maakt de bovenkant breder dan de onderkant (schouders breder dan heupen).
    """
    pts = []
    ca, sa = math.cos(angle), math.sin(angle)
    for i in range(steps):
        t = 2 * math.pi * i / steps
        c, s = math.cos(t), math.sin(t)
        ux = math.copysign(abs(c) ** (2 / n), c)
        uy = math.copysign(abs(s) ** (2 / n), s)
        along = uy * ay  # positief = naar beneden
        across = ux * ax * (1 - taper * uy)
        x = cx + across * ca - along * sa
        y = cy + across * sa + along * ca
        pts.append((x, y))
    return pts


def cloud(c, x, y, s, col=WHITE):
    for dx, dy, r in ((0, 0, 1.0), (-0.9, 0.25, 0.7), (0.95, 0.2, 0.75), (0.4, -0.35, 0.75), (-0.4, -0.2, 0.6)):
        c.circle(x + dx * s, y + dy * s, r * s, col)
    c.rect(x - 1.5 * s, y + 0.2 * s, x + 1.6 * s, y + 0.95 * s, col)
    c.ellipse(x - 1.5 * s, y + 0.55 * s, 0.4 * s, 0.4 * s, col)
    c.ellipse(x + 1.6 * s, y + 0.55 * s, 0.4 * s, 0.4 * s, col)


def tree(c, x, ground, h, rng, crown=LEAF, trunk=WOOD_DARK):
    c.rrect(x - h * 0.05, ground - h * 0.55, x + h * 0.05, ground, h * 0.03, trunk)
    cy = ground - h * 0.68
    r = h * 0.3
    for _ in range(7):
        ang = rng.uniform(0, 2 * math.pi)
        dist = rng.uniform(0.2, 0.5) * r
        c.circle(
            x + math.cos(ang) * dist * 1.2,
            cy + math.sin(ang) * dist * 0.8,
            r * rng.uniform(0.55, 0.75),
            shade(crown, rng.uniform(0.9, 1.04)),
        )
    c.circle(x, cy, r * 0.75, crown)
    c.circle(x - r * 0.3, cy - r * 0.3, r * 0.35, shade(crown, 1.12))


def plant_pot(c, x, base, s, pot=TERRA, leaf=LEAF):
    for ang in (-60, -30, 0, 30, 60):
        a = math.radians(ang - 90)
        ex, ey = x + math.cos(a) * s * 1.3, base - s * 0.9 + math.sin(a) * s * 1.3
        if ang == 0:
            c.ellipse((x + ex) / 2, (base - s * 0.9 + ey) / 2, s * 0.22, s * 0.6, leaf)
        else:
            c.poly([(x, base - s * 0.8), (ex - s * 0.15, ey), (ex + s * 0.15, ey)], leaf)
    c.circle(x, base - s * 1.5, s * 0.35, shade(leaf, 1.1))
    c.poly(
        [(x - s * 0.55, base - s * 0.8), (x + s * 0.55, base - s * 0.8), (x + s * 0.42, base), (x - s * 0.42, base)],
        pot,
    )
    c.rect(x - s * 0.6, base - s * 0.88, x + s * 0.6, base - s * 0.72, shade(pot, 0.88))


def mug(c, x, base, s, col):
    c.ring(x + s * 0.5, base - s * 0.5, s * 0.25, s * 0.1, col)
    c.rrect(x - s * 0.4, base - s * 0.95, x + s * 0.45, base, s * 0.12, col)


def steam(c, x, y, h, col=(255, 255, 255), s=1.0):
    for i, dx in enumerate((-18, 0, 18)):
        pts = []
        for k in range(9):
            t = k / 8
            pts.append((x + dx * s + math.sin(t * 2 * math.pi + i) * 8 * s, y - t * h))
        c.line(pts, 6 * s, col)


# ---------------------------------------------------------------- mensen


class Person:
    """Een gestileerd mens. Alle maten in eenheden u (ongeveer de hoogte van het hoofd).

    x, y: het punt op de grond tussen de voeten (of onder de heup bij zitten).
    facing: 0 = naar voren, 1 = naar rechts, -1 = naar links.
    Ledematen zijn lijsten punten (dx, dy) in u, met dx in kijkrichting (wordt gespiegeld bij -1).
    """

    def __init__(
        self,
        x,
        y,
        u,
        *,
        skin,
        shirt,
        trousers,
        hair,
        hair_style="short",
        shoes=NAVY,
        facing=0,
        sleeves="long",
        apron=None,
        hijab=None,
        beard=None,
    ):
        self.x, self.y, self.u = x, y, u
        self.skin, self.shirt, self.trousers = skin, shirt, trousers
        self.hair, self.hair_style, self.shoes = hair, hair_style, shoes
        self.facing, self.sleeves = facing, sleeves
        self.seated_front = False
        self.apron, self.hijab, self.beard = apron, hijab, beard
        # standaardhouding: staan
        self.hip = (0, -3.55)
        self.neck = (0, -6.0)
        self.head = (0, -6.72)
        if facing == 0:
            self.arms = [[(-0.82, SH), (-1.05, -4.45), (-1.0, -3.35)], [(0.82, SH), (1.05, -4.45), (1.0, -3.35)]]
            self.legs = [[(-0.42, -3.5), (-0.45, -1.8), (-0.45, 0)], [(0.42, -3.5), (0.45, -1.8), (0.45, 0)]]
        else:
            self.arms = [[(0, SH), (-0.1, -4.5), (0.05, -3.35)], [(0, SH), (0.1, -4.5), (0.2, -3.35)]]
            self.legs = [[(0, -3.5), (-0.12, -1.8), (-0.3, 0)], [(0, -3.5), (0.15, -1.8), (0.3, 0)]]

    # -- omrekenen
    def P(self, p):
        dx, dy = p
        if self.facing == -1:
            dx = -dx
        return (self.x + dx * self.u, self.y + dy * self.u)

    def sit(self, seat_dy, floor_dy=0.0, knee_fwd=1.7):
        """Zitten. seat_dy: hoogte van de zitting (negatief, in u) ten opzichte van y."""
        hip_y = seat_dy
        self.hip = (0, hip_y - 0.15)
        self.neck = (0 if self.facing == 0 else 0.05, hip_y - 2.55)
        self.head = (0 if self.facing == 0 else 0.1, hip_y - 3.27)
        top = hip_y - 2.15
        if self.facing == 0:
            self.arms = [
                [(-0.82, top), (-1.05, top + 1.2), (-0.6, hip_y + 0.3)],
                [(0.82, top), (1.05, top + 1.2), (0.6, hip_y + 0.3)],
            ]
            self.legs = [
                [(-0.45, hip_y), (-0.5, hip_y + 0.55), (-0.5, floor_dy)],
                [(0.45, hip_y), (0.5, hip_y + 0.55), (0.5, floor_dy)],
            ]
            self.seated_front = True
        else:
            self.arms = [
                [(0, top), (0.2, top + 1.2), (0.9, hip_y - 0.2)],
                [(0, top), (0.3, top + 1.2), (1.0, hip_y - 0.1)],
            ]
            self.legs = [
                [(0, hip_y), (knee_fwd, hip_y), (knee_fwd + 0.1, floor_dy)],
                [(0, hip_y), (knee_fwd + 0.1, hip_y + 0.05), (knee_fwd + 0.25, floor_dy)],
            ]
        return self

    def walk(self, phase=1.0):
        """Lopen, van opzij gezien."""
        p = phase
        self.legs = [[(0, -3.5), (-0.35 * p, -1.85), (-0.95 * p, -0.05)], [(0, -3.5), (0.5 * p, -1.9), (0.75 * p, 0)]]
        self.arms = [[(0, SH), (0.35 * p, -4.5), (0.75 * p, -3.65)], [(0, SH), (-0.4 * p, -4.5), (-0.6 * p, -3.6)]]
        self.neck = (0.08, -6.0)
        self.head = (0.16, -6.72)
        return self

    # -- tekenen
    def _arm(self, c, arm, front):
        u = self.u
        shoulder, elbow, hand = [self.P(p) for p in arm]
        sleeve = shade(self.shirt, 0.9) if not front and self.facing != 0 else self.shirt
        if self.facing == 0:
            sleeve = shade(self.shirt, 0.94)
        if self.sleeves == "short":
            mid = ((shoulder[0] + elbow[0]) / 2, (shoulder[1] + elbow[1]) / 2)
            c.line([shoulder, elbow, hand], 0.4 * u, self.skin)
            c.line([shoulder, mid], 0.5 * u, sleeve)
        else:
            c.line([shoulder, elbow, hand], 0.48 * u, sleeve)
        c.circle(hand[0], hand[1], HAND * u, self.skin)

    def _leg(self, c, leg, front):
        u = self.u
        pts = [self.P(p) for p in leg]
        col = self.trousers if front or self.facing == 0 else shade(self.trousers, 0.88)
        c.line(pts, 0.62 * u, col)
        fx, fy = pts[-1]
        dirx = 0 if self.facing == 0 else self.facing
        shoe_w = 0.42 * u
        if dirx == 0:
            c.ellipse(fx, fy - 0.05 * u, shoe_w, 0.2 * u, self.shoes)
        else:
            c.ellipse(fx + dirx * 0.22 * u, fy - 0.08 * u, shoe_w, 0.2 * u, self.shoes)

    def _torso(self, c):
        u = self.u
        nx, ny = self.P(self.neck)
        hx, hy = self.P(self.hip)
        cx, cy = (nx + hx) / 2, (ny + hy) / 2 + 0.1 * u
        length = math.hypot(hx - nx, hy - ny)
        ang = math.atan2(-(hx - nx), hy - ny)
        half_w = 0.98 * u if self.facing == 0 else 0.62 * u
        c.poly(superellipse(cx, cy, half_w, length / 2 + 0.15 * u, ang, n=3.4, taper=0.08), self.shirt)
        if self.apron:
            if self.facing == 0:
                c.rrect(cx - 0.62 * u, ny + 0.75 * u, cx + 0.62 * u, hy + 0.9 * u, 0.15 * u, self.apron)
                c.line([(cx - 0.35 * u, ny + 0.75 * u), (cx - 0.3 * u, ny + 0.1 * u)], 0.08 * u, self.apron, caps=False)
                c.line([(cx + 0.35 * u, ny + 0.75 * u), (cx + 0.3 * u, ny + 0.1 * u)], 0.08 * u, self.apron, caps=False)
            else:
                f = self.facing
                c.poly(
                    [
                        (cx + f * 0.3 * u, ny + 0.7 * u),
                        (cx + f * 0.7 * u, ny + 0.8 * u),
                        (cx + f * 0.75 * u, hy + 0.9 * u),
                        (cx + f * 0.2 * u, hy + 0.9 * u),
                    ],
                    self.apron,
                )

    def _head(self, c):
        u = self.u
        hx, hy = self.P(self.head)
        nx, ny = self.P(self.neck)
        r = 0.6 * u
        f = self.facing
        style, hair = self.hair_style, self.hair
        # hals
        c.line([(hx - f * 0.1 * u, hy + 0.35 * u), (nx, ny + 0.1 * u)], 0.34 * u, shade(self.skin, 0.9))
        if self.hijab:
            c.ellipse(nx, ny + 0.2 * u, 0.95 * u, 0.5 * u, self.hijab)
            c.poly(
                [
                    (hx - r * 1.05 - f * 0.1 * u, hy + 0.2 * r),
                    (hx + r * 1.05 - f * 0.1 * u, hy + 0.2 * r),
                    (nx + 0.9 * u, ny + 0.2 * u),
                    (nx - 0.9 * u, ny + 0.2 * u),
                ],
                self.hijab,
            )
            c.ellipse(hx - f * 0.1 * u, hy, r * 1.18, r * 1.2, self.hijab)
            if f == 0:
                c.ellipse(hx, hy + 0.12 * r, r * 0.74, r * 0.84, self.skin)
            else:
                c.ellipse(hx + f * 0.32 * r, hy + 0.12 * r, r * 0.62, r * 0.84, self.skin)
                c.circle(hx + f * 0.9 * r, hy + 0.15 * r, 0.12 * r, self.skin)
            return
        # haar achter het hoofd
        if style == "long":
            if f == 0:
                c.rrect(hx - r * 1.12, hy - r * 0.4, hx + r * 1.12, hy + 1.7 * r, r * 0.5, hair)
            else:
                c.rrect(
                    hx - f * 0.2 * r - r * 0.9, hy - r * 0.4, hx - f * 0.2 * r + r * 0.9, hy + 1.7 * r, r * 0.5, hair
                )
        elif style == "bob":
            c.rrect(hx - r * 1.15, hy - r * 0.5, hx + r * 1.15, hy + 0.95 * r, r * 0.5, hair)
        elif style == "ponytail" and f != 0:
            c.ellipse(hx - f * 1.05 * r, hy + 0.45 * r, 0.32 * r, 0.8 * r, hair)
        c.circle(hx, hy, r, self.skin)
        # gezicht: een ovaal 'raampje' onder het haar
        if f == 0:
            face = (hx, hy + 0.22 * r, 0.84 * r, 0.8 * r)
        else:
            face = (hx + f * 0.3 * r, hy + 0.22 * r, 0.72 * r, 0.8 * r)
        if style in ("short", "long", "bun", "ponytail", "bob"):
            if f == 0:
                c.chord(hx, hy, r * 1.07, r * 1.07, 155, 385, hair)
            elif f == 1:
                c.chord(hx, hy, r * 1.07, r * 1.07, 115 if style != "long" else 95, 335, hair)
            else:
                c.chord(hx, hy, r * 1.07, r * 1.07, 205, 65 if style != "long" else 85, hair)
            c.ellipse(*face, self.skin)
            if f == 0 and style in ("long", "bob"):
                c.rrect(hx - r * 1.1, hy - 0.2 * r, hx - r * 0.8, hy + 0.95 * r, r * 0.15, hair)
                c.rrect(hx + r * 0.8, hy - 0.2 * r, hx + r * 1.1, hy + 0.95 * r, r * 0.15, hair)
        elif style == "curly":
            for ang in range(140, 405, 20):
                if f == 1 and 330 < ang < 400:
                    continue
                if f == -1 and 140 <= ang < 210:
                    continue
                a = math.radians(ang)
                c.circle(hx + math.cos(a) * r * 0.92, hy + math.sin(a) * r * 0.92 - 0.04 * r, r * 0.33, hair)
            c.chord(hx, hy, r * 1.0, r * 1.0, 160, 380, hair)
            c.ellipse(*face, self.skin)
        elif style == "bald":
            c.ellipse(*face, self.skin)
            if f == 0:
                c.ellipse(hx - 0.93 * r, hy + 0.05 * r, 0.2 * r, 0.38 * r, hair)
                c.ellipse(hx + 0.93 * r, hy + 0.05 * r, 0.2 * r, 0.38 * r, hair)
            else:
                c.chord(hx, hy, r * 1.04, r * 1.04, 120 if f == 1 else 20, 200 if f == 1 else 60, hair)
        elif style == "cap":
            c.ellipse(*face, self.skin)
            c.chord(hx, hy - 0.02 * r, r * 1.08, r * 1.08, 180, 360, hair)
            if f == 0:
                c.ellipse(hx, hy - 0.02 * r, 1.15 * r, 0.16 * r, shade(hair, 0.82))
            else:
                c.ellipse(hx + f * 0.95 * r, hy - 0.02 * r, 0.7 * r, 0.14 * r, shade(hair, 0.82))
        if style == "bun":
            c.circle(hx - f * 0.55 * r, hy - r * 0.95, r * 0.42, hair)
        if f != 0:
            # oor en neusje
            c.ellipse(hx - f * 0.36 * r, hy + 0.2 * r, 0.15 * r, 0.22 * r, shade(self.skin, 0.92))
            c.circle(hx + f * 0.98 * r, hy + 0.18 * r, 0.13 * r, self.skin)
        if self.beard:
            if f == 0:
                c.chord(*face[:2], face[2], face[3], 10, 170, self.beard)
            else:
                c.chord(*face[:2], face[2], face[3], 15 if f == 1 else 45, 135 if f == 1 else 165, self.beard)

    def draw(self, c, legs=True):
        """Teken de persoon; legs=False als de benen toch achter een aanrecht of tafel vallen."""
        # achterste arm en been eerst (bij zijaanzicht)
        if self.facing != 0:
            self._arm(c, self.arms[1], front=False)
            if legs:
                self._leg(c, self.legs[0], front=False)
        if legs:
            if self.facing == 0:
                self._leg(c, self.legs[0], True)
                self._leg(c, self.legs[1], True)
            else:
                self._leg(c, self.legs[1], True)
        self._torso(c)
        if self.seated_front and legs:
            # de schoot: bovenbenen van voren gezien
            u = self.u
            hx, hy = self.P(self.hip)
            c.rrect(hx - 0.98 * u, hy - 0.2 * u, hx + 0.98 * u, hy + 0.6 * u, 0.32 * u, self.trousers)
            c.rect(hx - 0.04 * u, hy + 0.05 * u, hx + 0.04 * u, hy + 0.6 * u, shade(self.trousers, 0.85))
        self._head(c)
        if self.facing == 0:
            self._arm(c, self.arms[0], True)
            self._arm(c, self.arms[1], True)
        else:
            self._arm(c, self.arms[0], front=True)

    def hand(self, i):
        return self.P(self.arms[i][2])


# ---------------------------------------------------------------- groente en spullen


def carrot(c, x, y, length, angle=0.0):
    a = math.radians(angle)
    dx, dy = math.cos(a), math.sin(a)
    px, py = -dy, dx
    w = length * 0.14
    c.poly([(x + px * w, y + py * w), (x - px * w, y - py * w), (x + dx * length, y + dy * length)], ORANGE)
    for k in (-1, 0, 1):
        c.line(
            [(x, y), (x - dx * length * 0.3 + px * k * w * 1.2, y - dy * length * 0.3 + py * k * w * 1.2)],
            w * 0.32,
            LEAF,
        )


def tomato(c, x, y, r):
    c.circle(x, y, r, RED)
    c.circle(x - r * 0.35, y - r * 0.35, r * 0.25, shade(RED, 1.25))
    c.poly([(x - r * 0.4, y - r * 0.85), (x + r * 0.4, y - r * 0.85), (x, y - r * 0.6)], LEAF)


def pepper(c, x, y, r, col=RED):
    c.ellipse(x - r * 0.35, y, r * 0.6, r * 0.9, col)
    c.ellipse(x + r * 0.35, y, r * 0.6, r * 0.9, col)
    c.ellipse(x, y + r * 0.05, r * 0.5, r * 0.95, shade(col, 0.92))
    c.rect(x - r * 0.08, y - r * 1.25, x + r * 0.08, y - r * 0.8, LEAF_DARK)


def cabbage(c, x, y, r, rng):
    for i in range(7):
        a = i / 7 * 2 * math.pi
        c.circle(x + math.cos(a) * r * 0.55, y + math.sin(a) * r * 0.3, r * 0.55, shade(LEAF, rng.uniform(0.9, 1.1)))
    c.circle(x, y - r * 0.1, r * 0.55, LEAF_LIGHT)
    c.circle(x, y - r * 0.15, r * 0.3, shade(LEAF_LIGHT, 1.15))


def cutting_board(c, x0, y0, x1, y1):
    c.rrect(x0, y0, x1, y1, 10, WOOD_LIGHT)
    c.rrect(x0, y1 - 8, x1, y1 + 6, 6, shade(WOOD_LIGHT, 0.85))
    c.circle(x1 - 22, (y0 + y1) / 2 - 4, 7, shade(WOOD_LIGHT, 0.8))


def knife(c, x, y, angle, length):
    a = math.radians(angle)
    dx, dy = math.cos(a), math.sin(a)
    hx, hy = x - dx * length * 0.4, y - dy * length * 0.4
    c.line([(x, y), (hx, hy)], length * 0.12, NAVY)
    tip = (x + dx * length * 0.6, y + dy * length * 0.6)
    px, py = -dy, dx
    w = length * 0.09
    c.poly([(x + px * w, y + py * w), (x - px * w * 0.3, y - py * w * 0.3), tip], STEEL)


def window(c, x0, y0, x1, y1, frame=WHITE, sky=(186, 222, 238), rng=None):
    """Een raam met uitzicht op lucht, een heuvel en een boom."""
    c.rrect(x0 - 14, y0 - 14, x1 + 14, y1 + 14, 8, frame)
    with c.clip(x0, y0, x1, y1):
        c.vgradient(x0, y0, x1, y1, sky, shade(sky, 1.3))
        cloud(c, x0 + (x1 - x0) * 0.28, y0 + (y1 - y0) * 0.25, (x1 - x0) * 0.06)
        hill_y = y0 + (y1 - y0) * 0.68
        if rng:
            tree(c, x0 + (x1 - x0) * 0.74, hill_y + (y1 - y0) * 0.12, (y1 - y0) * 0.55, rng)
        c.ellipse(x0 + (x1 - x0) * 0.3, y1 + (y1 - y0) * 0.1, (x1 - x0) * 0.75, (y1 - hill_y) * 1.1, GRASS)
        c.ellipse(x0 + (x1 - x0) * 0.95, y1 + (y1 - y0) * 0.15, (x1 - x0) * 0.5, (y1 - hill_y) * 0.9, GRASS_DARK)
    mx = (x0 + x1) / 2
    c.rect(mx - 6, y0, mx + 6, y1, frame)
    c.rect(x0, (y0 + y1) / 2 - 6, x1, (y0 + y1) / 2 + 6, frame)
    c.rrect(x0 - 24, y1 + 8, x1 + 24, y1 + 26, 5, shade(frame, 0.93))


def floor(c, y0, col):
    """Een vloer met een paar lijnen die naar voren toe verder uit elkaar liggen."""
    c.rect(0, y0, W, H, col)
    y, gap = y0, 18
    while y < H:
        c.rect(0, y, W, y + 3, shade(col, 0.93))
        y += gap
        gap *= 1.45


# ---------------------------------------------------------------- de scènes


def samen_koken():
    rng = random.Random(101)
    c = Canvas(WARM_WALL)
    c.vgradient(0, 0, W, 760, (247, 234, 214), (240, 222, 198))
    # tegeltjes achter het aanrecht
    c.rect(0, 430, W, 640, (226, 236, 226))
    for x in range(0, W, 58):
        c.rect(x, 430, x + 3, 640, (206, 220, 208))
    for y in range(430, 640, 42):
        c.rect(0, y, W, y + 3, (206, 220, 208))
    # raam met planten
    window(c, 150, 110, 520, 390, rng=rng)
    plant_pot(c, 230, 408, 40, TERRA, LEAF)
    plant_pot(c, 440, 408, 34, MUSTARD, LEAF_DARK)
    # bovenkastjes rechts
    for i in range(4):
        x = 1020 + i * 140
        c.rrect(x, 90, x + 130, 330, 10, (122, 168, 160))
        c.rrect(x + 12, 102, x + 118, 318, 8, (136, 180, 172))
        c.rrect(x + 58, 280, x + 72, 310, 4, WOOD_LIGHT)
    # afzuigkap
    c.poly([(760, 130), (900, 130), (960, 300), (700, 300)], STEEL)
    c.rect(790, 0, 870, 130, shade(STEEL, 0.95))
    c.rect(700, 292, 960, 300, shade(STEEL, 0.85))
    # lampen
    for lx in (600, 1180):
        c.rect(lx - 2, 0, lx + 2, 140, NAVY)
        c.pieslice(lx, 190, 80, 60, 180, 360, MUSTARD)
        c.ellipse(lx, 190, 80, 10, shade(MUSTARD, 0.85))
        c.ellipse(lx, 200, 28, 14, (255, 246, 210))
    # plank met potjes links
    c.rrect(20, 240, 120, 256, 4, WOOD)
    for i, col in enumerate((TERRA, SAGE, MUSTARD)):
        c.rrect(28 + i * 30, 196, 52 + i * 30, 240, 5, col)
        c.rect(28 + i * 30, 196, 52 + i * 30, 206, shade(col, 0.8))
    # achterste aanrecht
    c.rect(0, 600, W, 640, WOOD_LIGHT)
    c.rect(0, 640, W, 760, (122, 168, 160))
    c.rrect(1380, 520, 1460, 600, 12, (244, 244, 240))  # pot met pollepels
    for k, col in enumerate((WOOD, WOOD_DARK, NAVY)):
        c.line([(1400 + k * 20, 520), (1390 + k * 28, 440)], 9, col)

    # mensen achter het kookeiland
    floor_y = 1030
    u = 92
    p1 = Person(420, floor_y, u, skin=SKIN[2], shirt=MUSTARD, trousers=NAVY, hair=HAIR_DARK, hijab=TEAL)
    p1.arms = [[(-0.82, SH), (-1.45, -4.4), (-0.55, -3.3)], [(0.82, SH), (1.45, -4.4), (0.75, -3.25)]]
    p2 = Person(
        800,
        floor_y,
        u * 1.05,
        skin=SKIN[0],
        shirt=SOFT_BLUE,
        trousers=NAVY,
        hair=HAIR_BROWN,
        hair_style="short",
        apron=(250, 250, 246),
        beard=HAIR_BROWN,
    )
    p2.arms = [[(-0.82, SH), (-1.3, -4.45), (-0.8, -3.3)], [(0.82, SH), (1.45, -4.65), (1.1, -3.85)]]
    p3 = Person(
        1180,
        floor_y,
        u * 0.98,
        skin=SKIN[3],
        shirt=TERRA,
        trousers=NAVY,
        hair=HAIR_DARK,
        hair_style="curly",
        sleeves="short",
    )
    p3.arms = [[(-0.82, SH), (-1.3, -4.55), (-0.85, -3.55)], [(0.82, SH), (1.3, -4.55), (0.85, -3.55)]]
    for p in (p1, p2, p3):
        p.draw(c, legs=False)

    # het kookeiland
    top = 700
    c.poly([(120, top), (1480, top), (1560, 760), (40, 760)], (236, 226, 210))
    c.rect(40, 760, 1560, 780, shade(WOOD, 0.9))
    c.rect(40, 780, 1560, H, (92, 140, 136))
    for x in range(40, 1560, 190):
        c.rrect(x + 14, 800, x + 176, H + 20, 8, (104, 154, 150))
        c.rrect(x + 70, 818, x + 120, 830, 5, WOOD_LIGHT)

    # snijplank van p1 met groente
    cutting_board(c, 280, 712, 560, 752)
    carrot(c, 300, 728, 95, -4)
    for i in range(5):
        c.ellipse(470 + i * 16, 734, 9, 7, ORANGE)
    pepper(c, 520, 716, 22, (114, 176, 82))
    h0, h1 = p1.hand(0), p1.hand(1)
    c.circle(h0[0], h0[1] + 20, HAND * u, p1.skin)
    knife(c, h1[0] + 10, h1[1] + 24, 165, 110)
    c.circle(h1[0], h1[1] + 20, HAND * u, p1.skin)
    # pan met stoom bij p2
    px, py = 840, 740
    steam(c, px, py - 80, 90, (206, 216, 224))
    c.rrect(px - 95, py - 65, px + 95, py + 10, 16, (232, 102, 84))
    c.rect(px - 105, py - 68, px + 105, py - 56, shade((232, 102, 84), 0.85))
    c.rrect(px - 140, py - 52, px - 95, py - 38, 6, NAVY)
    c.rrect(px + 95, py - 52, px + 140, py - 38, 6, NAVY)
    hx, hy = p2.hand(1)
    c.line([(hx + 4, hy - 30), (px + 20, py - 62)], 10, WOOD)
    c.ellipse(px + 22, py - 62, 16, 8, WOOD)
    c.circle(hx, hy, HAND * p2.u, p2.skin)
    h0 = p2.hand(0)
    c.circle(h0[0], h0[1] + 18, HAND * p2.u, p2.skin)
    # schaal sla in de handen van p3
    a, b = p3.hand(0), p3.hand(1)
    bx, by = (a[0] + b[0]) / 2, max(a[1], b[1]) + 30
    c.chord(bx, by - 30, 110, 80, 0, 180, (250, 250, 246))
    c.rect(bx - 110, by - 32, bx + 110, by - 24, shade(WHITE, 0.9))
    for dx, col in ((-70, LEAF_LIGHT), (-35, LEAF), (0, LEAF_LIGHT), (35, RED), (70, LEAF), (-10, RED)):
        c.circle(bx + dx, by - 38, 22, col)
    c.circle(a[0] - 8, by - 10, HAND * p3.u, p3.skin)
    c.circle(b[0] + 8, by - 10, HAND * p3.u, p3.skin)
    # brood, kruiden en glazen
    c.ellipse(1400, 735, 80, 30, (218, 160, 92))
    for i in range(4):
        c.line([(1350 + i * 32, 720), (1365 + i * 32, 748)], 5, shade((218, 160, 92), 0.8), caps=False)
    plant_pot(c, 170, 745, 26, TERRA, LEAF)
    for gx in (630, 680):
        c.rrect(gx - 14, 690, gx + 14, 745, 5, (214, 232, 238))
        c.rect(gx - 12, 715, gx + 12, 743, (244, 196, 110))
    return c.result()


def moestuin():
    rng = random.Random(202)
    c = Canvas(SKY_TOP)
    c.vgradient(0, 0, W, 460, SKY_TOP, SKY_LOW)
    c.circle(1390, 130, 70, (255, 230, 150))
    cloud(c, 300, 130, 48)
    cloud(c, 900, 90, 36)
    # bomen in de verte en gras
    for i in range(14):
        x = i * 130 + rng.uniform(-30, 30)
        c.circle(x, 440, rng.uniform(60, 95), shade(LEAF, rng.uniform(0.85, 1.0)))
    c.vgradient(0, 440, W, H, GRASS, shade(GRASS, 0.92))
    # schuurtje
    c.rect(70, 280, 360, 480, (160, 88, 74))
    for x in range(70, 360, 26):
        c.rect(x, 280, x + 3, 480, shade((160, 88, 74), 0.88))
    c.poly([(40, 290), (215, 190), (390, 290)], (88, 70, 66))
    c.rect(180, 360, 250, 480, shade((160, 88, 74), 0.75))
    c.rect(280, 320, 335, 370, (214, 232, 238))
    # hek
    for x in range(380, W, 46):
        c.poly([(x, 470), (x + 14, 455), (x + 28, 470), (x + 28, 540), (x, 540)], WOOD_LIGHT)
    c.rect(380, 480, W, 490, shade(WOOD_LIGHT, 0.9))
    c.rect(380, 520, W, 530, shade(WOOD_LIGHT, 0.9))
    # zonnebloemen langs het hek
    for x in (430, 505, 580):
        c.line([(x, 580), (x + 5, 380)], 8, LEAF_DARK, caps=False)
        c.ellipse(x - 20, 470, 24, 10, LEAF)
        c.ellipse(x + 28, 520, 24, 10, LEAF)
        for k in range(12):
            a = k / 12 * 2 * math.pi
            c.ellipse(x + 5 + math.cos(a) * 26, 380 + math.sin(a) * 26, 14, 14, MUSTARD)
        c.circle(x + 5, 380, 18, WOOD_DARK)

    def bed(x0, x1, top, depth, height, crops):
        c.poly([(x0 + 30, top), (x1 - 30, top), (x1, top + depth), (x0, top + depth)], shade(WOOD, 0.85))
        c.poly([(x0 + 44, top + 10), (x1 - 44, top + 10), (x1 - 14, top + depth - 4), (x0 + 14, top + depth - 4)], SOIL)
        c.rect(x0, top + depth, x1, top + depth + height, WOOD)
        for k in range(1, 3):
            yy = top + depth + k * height / 3
            c.rect(x0, yy - 2, x1, yy + 2, WOOD_DARK)
        c.rect(x0, top + depth, x0 + 16, top + depth + height, WOOD_DARK)
        c.rect(x1 - 16, top + depth, x1, top + depth + height, WOOD_DARK)
        c.ellipse((x0 + x1) / 2, top + depth + height + 4, (x1 - x0) / 2 + 10, 10, shade(GRASS, 0.85))
        crops(x0, x1, top, depth)

    def kool_rij(x0, x1, top, depth):
        n = 5
        for i in range(n):
            x = x0 + 80 + i * (x1 - x0 - 160) / (n - 1)
            if i == 1:
                continue  # deze kool is net geoogst
            cabbage(c, x, top + depth * 0.5, 44, rng)

    def wortel_sla(x0, x1, top, depth):
        for i in range(9):
            x = x0 + 70 + i * (x1 - x0 - 140) / 8
            y = top + depth * 0.35
            for k in (-1, 0, 1):
                c.line([(x, y + 10), (x + k * 18, y - 32)], 6, LEAF, caps=True)
            c.ellipse(x, y + 12, 10, 6, ORANGE)
        for i in range(6):
            x = x0 + 90 + i * (x1 - x0 - 180) / 5
            y = top + depth * 0.78
            c.circle(x, y, 30, LEAF_LIGHT)
            c.circle(x, y - 4, 16, shade(LEAF_LIGHT, 1.2))

    def tomaten(x0, x1, top, depth):
        for i in range(4):
            x = x0 + 90 + i * (x1 - x0 - 180) / 3
            y = top + depth * 0.6
            c.line([(x, y), (x, y - 250)], 6, WOOD_DARK, caps=False)
            for k in range(6):
                lx = x + (18 if k % 2 else -18)
                c.ellipse(lx, y - 30 - k * 38, 26, 16, LEAF if k % 2 else LEAF_DARK)
            for k in range(3):
                tomato(c, x + rng.uniform(-22, 22), y - 60 - k * 60, 14)

    bed(820, 1500, 540, 70, 90, tomaten)
    bed(100, 700, 610, 80, 110, wortel_sla)
    bed(900, 1560, 740, 110, 140, kool_rij)

    # mand met oogst op de grond
    bx, by = 380, 1000
    c.ellipse(bx, by + 6, 100, 14, shade(GRASS, 0.85))
    c.arc(bx, by - 50, 70, 75, 195, 345, 9, WOOD_DARK)
    tomato(c, bx - 40, by - 58, 18)
    tomato(c, bx - 8, by - 62, 18)
    cabbage(c, bx + 40, by - 60, 26, rng)
    carrot(c, bx - 70, by - 56, 70, -35)
    c.chord(bx, by - 50, 90, 60, 0, 180, WOOD)
    c.rect(bx - 90, by - 52, bx + 90, by - 44, shade(WOOD, 0.85))
    for k in range(3):
        c.line([(bx - 50 + k * 50, by - 44), (bx - 50 + k * 50, by + 6)], 3, shade(WOOD, 0.8), caps=False)

    # persoon met gieter, geeft de sla water
    p1 = Person(
        690,
        960,
        80,
        skin=SKIN[1],
        shirt=(108, 170, 176),
        trousers=(88, 102, 138),
        hair=HAIR_AUBURN,
        hair_style="ponytail",
        facing=-1,
        shoes=WOOD_DARK,
    )
    p1.legs = [[(0, -3.5), (-0.25, -1.8), (-0.55, 0)], [(0, -3.5), (0.35, -1.85), (0.6, 0)]]
    p1.arms = [[(0, SH), (0.5, -4.55), (1.3, -4.9)], [(0, SH), (0.4, -4.5), (1.2, -5.0)]]
    p1.draw(c)
    gx, gy = p1.hand(0)
    can = (92, 150, 170)
    c.arc(gx - 30, gy + 30, 44, 40, 180, 360, 12, can)
    c.rrect(gx - 90, gy + 30, gx + 20, gy + 120, 14, can)
    c.line([(gx - 80, gy + 100), (gx - 170, gy + 40)], 14, can)
    c.ellipse(gx - 176, gy + 36, 14, 10, shade(can, 0.85))
    for k in range(4):
        for j in range(3):
            c.circle(gx - 188 - k * 10 - j * 12, gy + 52 + k * 18 + j * 6, 4, (190, 224, 240))
    c.circle(gx, gy, HAND * p1.u, p1.skin)

    # persoon in een rolstoel aan de hoge bak, oogst een kool
    wx, wy = 930, 1030
    u2 = 82
    p2 = Person(
        wx, wy, u2, skin=SKIN[4], shirt=MUSTARD, trousers=NAVY, hair=HAIR_DARK, hair_style="short", facing=1
    ).sit(-2.05, -0.45, knee_fwd=1.5)
    p2.arms = [[(0, -4.15), (0.75, -3.4), (1.55, -3.95)], [(0, -4.15), (0.7, -3.35), (1.45, -4.1)]]
    frame = NAVY
    wheel = p2.P((-0.2, -0.95))
    c.line([p2.P((-0.55, -2.0)), p2.P((-0.6, -4.2)), p2.P((-0.95, -4.4))], 10, frame)  # rugleuning en handvat
    p2.draw(c)
    c.line([p2.P((-0.5, -2.0)), p2.P((1.3, -2.0)), p2.P((1.5, -0.35))], 10, frame)  # zitting en voetsteun
    c.line([p2.P((1.2, -0.35)), p2.P((1.85, -0.35))], 10, frame)
    c.ring(wheel[0], wheel[1], 78, 14, GREY_DARK)
    c.ring(wheel[0], wheel[1], 64, 5, GREY)
    for k in range(8):
        a = k / 8 * math.pi
        c.line(
            [
                (wheel[0] + math.cos(a) * 64, wheel[1] + math.sin(a) * 64),
                (wheel[0] - math.cos(a) * 64, wheel[1] - math.sin(a) * 64),
            ],
            3,
            GREY,
            caps=False,
        )
    c.circle(wheel[0], wheel[1], 10, GREY_DARK)
    front = p2.P((1.55, -0.22))
    c.circle(front[0], front[1], 20, GREY_DARK)
    # de geoogste kool in de handen
    hx, hy = p2.hand(0)
    cabbage(c, hx + 30, hy - 10, 40, rng)
    c.circle(hx, hy, HAND * u2, p2.skin)
    # vlinders
    for x, y, col in ((290, 520, PINK), (1010, 430, LILAC)):
        c.ellipse(x - 10, y, 12, 9, col)
        c.ellipse(x + 10, y, 12, 9, col)
        c.line([(x, y - 8), (x, y + 8)], 3, NAVY, caps=False)
    return c.result()


def teamoverleg():
    rng = random.Random(303)
    c = Canvas((240, 236, 226))
    c.vgradient(0, 0, W, 800, (242, 236, 224), (232, 226, 212))
    floor(c, 800, (206, 178, 148))
    c.rect(0, 790, W, 805, (250, 248, 242))
    # raam met plant links
    window(c, 90, 120, 330, 470, rng=rng)
    # wandbord met gekleurde briefjes
    bx0, bx1 = 430, 1350
    c.rrect(bx0, 90, bx1, 560, 12, (250, 250, 246))
    c.rect(bx0, 545, bx1, 560, shade(WHITE, 0.88))
    note_cols = [(250, 220, 110), (246, 170, 160), (150, 200, 230), (170, 214, 150), (212, 186, 232)]
    for col_i in range(5):
        x = bx0 + 40 + col_i * 172
        c.rrect(x, 115, x + 140, 155, 6, NAVY if col_i != 2 else TEAL)
        n = (4, 3, 5, 2, 3)[col_i]
        for k in range(n):
            y = 180 + k * 72
            nc = note_cols[(col_i + k * 2) % 5]
            tilt = rng.uniform(-6, 6)
            c.poly([(x + 8 + tilt, y), (x + 128 + tilt, y + 3), (x + 126, y + 60), (x + 6, y + 58)], nc)
            for line_i in range(2):
                lw = rng.uniform(50, 95)
                c.rect(x + 22, y + 18 + line_i * 16, x + 22 + lw, y + 22 + line_i * 16, shade(nc, 0.72))
    # klok
    c.circle(1470, 140, 42, WHITE)
    c.ring(1470, 140, 42, 6, NAVY)
    c.line([(1470, 140), (1470, 112)], 5, NAVY)
    c.line([(1470, 140), (1490, 150)], 5, NAVY)
    plant_pot(c, 1500, 800, 80, TERRA, LEAF_DARK)

    u = 76
    # zittende collega's achter de tafel (we zien het bovenlijf)
    table_top = 690
    seated = [
        Person(
            230, 1000, u, skin=SKIN[3], shirt=TEAL, trousers=NAVY, hair=HAIR_DARK, hair_style="short", beard=HAIR_DARK
        ),
        Person(460, 1000, u, skin=SKIN[1], shirt=MUSTARD, trousers=NAVY, hair=HAIR_BROWN, hair_style="long"),
        Person(690, 1000, u, skin=SKIN[2], shirt=(120, 140, 190), trousers=NAVY, hair=HAIR_DARK, hijab=(206, 120, 110)),
        Person(920, 1000, u, skin=SKIN[0], shirt=SAGE_DARK, trousers=NAVY, hair=HAIR_GREY, hair_style="bald"),
    ]
    for p in seated:
        p.sit(-3.4)
        top = -5.55
        p.arms = [
            [(-0.82, top), (-1.25, top + 1.25), (-0.7, top + 2.0)],
            [(0.82, top), (1.25, top + 1.25), (0.7, top + 2.0)],
        ]
        p.draw(c, legs=False)
    # tafelblad in perspectief
    c.poly([(110, table_top), (1060, table_top), (1130, 800), (40, 800)], WOOD_LIGHT)
    c.rect(40, 800, 1130, 826, WOOD)
    c.rect(90, 826, 120, H, WOOD_DARK)
    c.rect(1050, 826, 1080, H, WOOD_DARK)
    # onderarmen op tafel
    for p in seated:
        for i, side in ((0, -1), (1, 1)):
            hx, hy = p.hand(i)
            sx = p.x + side * 0.95 * u
            c.line([(sx, table_top + 2), (hx - side * 0.1 * u, table_top + 38)], 0.46 * u, shade(p.shirt, 0.94))
            c.circle(hx - side * 0.25 * u, table_top + 44, HAND * u, p.skin)
    # staande collega bij het bord, plakt een briefje
    ps = Person(
        1290,
        1010,
        80,
        skin=SKIN[0],
        shirt=ROSE,
        trousers=NAVY,
        hair=HAIR_BLOND,
        hair_style="bun",
        facing=-1,
        shoes=WOOD_DARK,
    )
    ps.arms = [[(0, SH), (0.6, -6.3), (1.0, -7.15)], [(0, SH), (0.25, -4.5), (0.4, -3.45)]]
    ps.draw(c)
    hx, hy = ps.hand(0)
    c.poly([(hx - 75, hy - 44), (hx + 4, hy - 40), (hx + 2, hy + 20), (hx - 77, hy + 18)], (250, 220, 110))
    c.circle(hx, hy, HAND * 80, ps.skin)
    # spullen op tafel
    c.poly([(950, 706), (1050, 706), (1036, 636), (964, 636)], (90, 100, 120))  # laptop
    c.poly([(930, 740), (1070, 740), (1050, 706), (950, 706)], (160, 168, 180))
    c.circle(1000, 672, 8, (200, 210, 220))
    mug(c, 330, 772, 40, TERRA)
    mug(c, 560, 780, 40, (92, 150, 170))
    mug(c, 790, 776, 40, MUSTARD)
    mug(c, 130, 780, 40, SAGE_DARK)
    c.poly([(380, 722), (500, 714), (508, 772), (388, 780)], WHITE)  # papier
    for k in range(3):
        c.rect(400, 734 + k * 12, 480, 737 + k * 12, GREY)
    for k, col in enumerate((RED, TEAL, MUSTARD)):
        c.line([(220 + k * 18, 750), (260 + k * 18, 788)], 8, col)
    c.ellipse(650, 772, 70, 20, WHITE)  # koekjes
    for dx in (-30, 0, 30):
        c.ellipse(650 + dx, 764, 20, 9, (214, 160, 96))
    c.rrect(1000, 740, 1042, 800, 10, (200, 226, 236))  # kan water
    c.rect(1002, 762, 1040, 798, (170, 208, 226))
    return c.result()


def wandeling():
    rng = random.Random(404)
    c = Canvas(SKY_TOP)
    c.vgradient(0, 0, W, 640, (140, 196, 228), (226, 240, 240))
    cloud(c, 260, 150, 55)
    cloud(c, 820, 100, 40)
    cloud(c, 1300, 190, 50)
    # vogels
    for x, y in ((1040, 250), (1085, 275), (1125, 240)):
        c.arc(x - 12, y, 12, 8, 200, 340, 4, NAVY)
        c.arc(x + 12, y, 12, 8, 200, 340, 4, NAVY)
    # achter de dijk: bomen en een molen, half verscholen
    crest = lambda x: 600 - x * 0.03  # noqa: E731 - de hoogte van de kruin van de dijk
    for x in (120, 230, 1460, 1545):
        tree(c, x, crest(x) + 70, rng.uniform(170, 210), rng, crown=shade(LEAF, 0.95))
    mx, my = 1230, crest(1230) + 30
    c.poly([(mx - 34, my), (mx + 34, my), (mx + 20, my - 190), (mx - 20, my - 190)], (150, 112, 96))
    c.poly([(mx - 28, my - 190), (mx + 28, my - 190), (mx, my - 224)], (90, 72, 66))
    c.rect(mx - 10, my - 120, mx + 10, my - 90, (226, 214, 196))
    hub = (mx, my - 200)
    for k in range(4):
        a = math.radians(25 + k * 90)
        ex, ey = hub[0] + math.cos(a) * 150, hub[1] + math.sin(a) * 150
        c.line([hub, (ex, ey)], 7, (110, 90, 80))
        px, py = -math.sin(a) * 20, math.cos(a) * 20
        c.poly(
            [
                (hub[0] + math.cos(a) * 36, hub[1] + math.sin(a) * 36),
                (ex, ey),
                (ex + px, ey + py),
                (hub[0] + math.cos(a) * 36 + px, hub[1] + math.sin(a) * 36 + py),
            ],
            (240, 236, 226),
        )
    c.circle(*hub, 9, (90, 72, 66))
    # de dijk: een groene wal met het pad op de kruin
    c.poly([(-10, crest(-10)), (W + 10, crest(W + 10)), (W + 10, 900), (-10, 900)], (128, 186, 104))
    c.poly(
        [(-10, crest(-10) - 4), (W + 10, crest(W + 10) - 4), (W + 10, crest(W + 10) + 34), (-10, crest(-10) + 34)],
        (214, 198, 168),
    )
    c.poly(
        [(-10, crest(-10) + 34), (W + 10, crest(W + 10) + 34), (W + 10, crest(W + 10) + 42), (-10, crest(-10) + 42)],
        (190, 172, 140),
    )
    # strepen in het gras van de helling
    for k in range(5):
        y0 = crest(0) + 80 + k * 50
        c.poly([(-10, y0), (W + 10, y0 - 48), (W + 10, y0 - 44), (-10, y0 + 4)], (134, 191, 109))
    # schapen op de dijkhelling
    for x, y, f in ((300, 760, 1), (440, 800, -1), (1400, 720, -1)):
        c.ellipse(x, y, 44, 28, (250, 248, 240))
        for dx in (-24, -8, 10, 24):
            c.circle(x + dx, y - 18, 16, (250, 248, 240))
        c.ellipse(x + f * 46, y - 10, 14, 18, (70, 66, 66))
        c.rect(x - 26, y + 20, x - 18, y + 44, (70, 66, 66))
        c.rect(x + 18, y + 20, x + 26, y + 44, (70, 66, 66))
    # weiland en sloot op de voorgrond
    c.rect(0, 880, W, H, GRASS)
    c.poly([(0, 950), (W, 915), (W, 968), (0, 1006)], (128, 178, 204))
    c.poly([(0, 960), (W, 925), (W, 932), (0, 967)], (168, 206, 224))
    c.poly([(0, 1006), (W, 968), (W, H), (0, H)], GRASS_DARK)
    for k in range(40):
        x = rng.uniform(0, W)
        y = 1030 - x * 0.024 + rng.uniform(0, 40)
        c.line([(x, y), (x + rng.uniform(-8, 8), y - rng.uniform(30, 60))], 4, LEAF_DARK)
    for k in range(26):
        x = rng.uniform(0, W)
        y = rng.uniform(884, 912) - x * 0.02
        c.circle(x, y, 6, rng.choice([(250, 250, 240), MUSTARD, PINK]))
    # twee mensen op het dijkpad
    u = 50
    a = Person(
        640,
        crest(640) + 26,
        u,
        skin=SKIN[0],
        shirt=TEAL,
        trousers=NAVY,
        hair=HAIR_GREY,
        hair_style="short",
        facing=1,
        shoes=WOOD_DARK,
    ).walk(1.0)
    b = Person(
        760,
        crest(760) + 24,
        u * 0.96,
        skin=SKIN[2],
        shirt=MUSTARD,
        trousers=(88, 102, 138),
        hair=TERRA,
        hair_style="cap",
        facing=1,
    ).walk(-0.8)
    b.arms[0] = [(0, SH), (0.6, -6.2), (1.3, -6.9)]  # wijst naar de vogels
    a.draw(c)
    b.draw(c)
    return c.result()


def gert_keuken():
    rng = random.Random(505)
    c = Canvas((232, 224, 210))
    c.vgradient(0, 0, W, 720, (236, 230, 216), (226, 218, 202))
    # tegels
    c.rect(0, 380, W, 600, (246, 246, 240))
    for x in range(0, W, 80):
        c.rect(x, 380, x + 3, 600, (222, 222, 214))
    for y in range(380, 600, 40):
        c.rect(0, y, W, y + 3, (222, 222, 214))
    # koelkast rechts met een weekmenu in plaatjes
    c.rrect(1230, 120, 1520, 720, 20, (244, 244, 240))
    c.rect(1230, 370, 1520, 378, (214, 214, 210))
    c.rrect(1250, 160, 1264, 330, 6, GREY)
    c.rrect(1250, 400, 1264, 520, 6, GREY)
    c.rrect(1300, 150, 1480, 340, 6, WHITE)
    c.rect(1300, 150, 1480, 178, TEAL)
    menu = [MUSTARD, PINK, SAGE, SOFT_BLUE, TERRA, LILAC, MUSTARD, SAGE, PINK]
    for r_i in range(3):
        for col_i in range(3):
            x = 1318 + col_i * 56
            y = 192 + r_i * 48
            c.rrect(x, y, x + 44, y + 38, 6, menu[r_i * 3 + col_i])
    c.circle(1390, 150, 10, RED)
    c.rrect(1300, 410, 1400, 500, 4, (250, 220, 110))
    c.circle(1350, 410, 9, TEAL)
    # raam links
    window(c, 110, 100, 470, 330, rng=rng)
    plant_pot(c, 180, 352, 34, TERRA, LEAF)
    # bovenkastje
    c.rrect(620, 80, 1080, 280, 12, (232, 150, 110))
    c.rect(848, 90, 852, 270, shade((232, 150, 110), 0.85))
    c.rrect(815, 220, 830, 255, 4, WOOD_LIGHT)
    c.rrect(870, 220, 885, 255, 4, WOOD_LIGHT)
    # plank met radio
    c.rrect(360, 430, 560, 444, 4, WOOD)
    c.rrect(390, 368, 520, 430, 14, SOFT_BLUE)
    c.circle(430, 400, 18, shade(SOFT_BLUE, 0.75))
    c.rect(465, 385, 505, 392, shade(SOFT_BLUE, 0.75))
    c.rect(465, 400, 505, 407, shade(SOFT_BLUE, 0.75))
    c.line([(500, 368), (530, 322)], 4, NAVY)
    # achteraanrecht met kookplaat en pan
    c.rect(0, 560, 1230, 600, WOOD_LIGHT)
    c.rect(0, 600, 1230, 720, (120, 150, 170))
    c.rrect(980, 500, 1130, 562, 10, NAVY)
    c.rect(970, 500, 1140, 510, shade(NAVY, 0.8))
    c.rrect(1130, 515, 1190, 528, 6, NAVY)
    # waterkoker
    c.rrect(130, 470, 220, 562, 18, RED)
    c.arc(175, 480, 38, 40, 180, 360, 10, shade(RED, 0.8))
    c.rect(125, 556, 225, 562, NAVY)

    # Gert achter het aanrecht
    u = 110
    g = Person(
        720,
        1180,
        u,
        skin=SKIN[0],
        shirt=(96, 150, 196),
        trousers=NAVY,
        hair=HAIR_BROWN,
        hair_style="short",
        apron=(238, 110, 90),
        beard=shade(HAIR_BROWN, 1.1),
        sleeves="short",
    )
    g.arms = [[(-0.82, SH), (-1.4, -4.45), (-0.75, -3.5)], [(0.82, SH), (1.45, -4.5), (0.95, -3.45)]]
    g.draw(c, legs=False)
    # aanrecht voor
    top = 790
    c.poly([(60, top), (1540, top), (1600, 850), (0, 850)], (236, 232, 222))
    c.rect(0, 850, W, 872, shade(WOOD, 0.95))
    c.rect(0, 872, W, H, (120, 150, 170))
    for x in range(0, W, 200):
        c.rrect(x + 14, 892, x + 186, H + 20, 8, (132, 162, 182))
        c.rrect(x + 75, 910, x + 125, 922, 5, WOOD_LIGHT)
    # snijplank: links houdt hij de wortel vast, rechts snijdt hij
    cutting_board(c, 430, 800, 960, 846)
    hx0, hy0 = g.hand(0)
    hx1, hy1 = g.hand(1)
    pepper(c, 470, 806, 28, RED)
    carrot(c, hx0 - 40, hy0 + 22, 170, 0)
    for i in range(5):
        c.ellipse(hx1 + 40 + i * 22, 830, 11, 8, ORANGE)
    for i in range(4):
        c.rrect(hx1 + 60 + i * 26, 808, hx1 + 76 + i * 26, 820, 4, RED)
    knife(c, hx1 - 20, hy1 + 20, 190, 150)
    c.circle(hx0, hy0 + 16, HAND * u, g.skin)
    c.circle(hx1, hy1 + 16, HAND * u, g.skin)
    # kom sla, tomaten, pak pasta
    c.chord(1110, 800, 100, 70, 0, 180, (250, 246, 236))
    c.rect(1010, 797, 1210, 806, shade(WHITE, 0.9))
    for dx, col in ((-50, LEAF_LIGHT), (-15, LEAF), (20, RED), (55, LEAF_LIGHT)):
        c.circle(1110 + dx, 790, 22, col)
    tomato(c, 1270, 815, 26)
    tomato(c, 1320, 822, 24)
    c.rrect(1380, 700, 1470, 830, 8, MUSTARD)
    c.rect(1380, 740, 1470, 780, WHITE)
    c.ellipse(1425, 760, 26, 12, (236, 200, 120))
    mug(c, 250, 830, 50, TEAL)
    return c.result()


def samira_en_moeder():
    rng = random.Random(606)
    c = Canvas(SKY_TOP)
    c.vgradient(0, 0, W, 520, (160, 206, 230), (230, 242, 238))
    cloud(c, 1080, 110, 44)
    cloud(c, 560, 70, 30)
    # het woonhuis op de achtergrond
    wall = (226, 176, 150)
    c.rect(40, 190, 560, 540, wall)
    for y in range(190, 540, 22):
        c.rect(40, y, 560, y + 2, shade(wall, 0.93))
    c.poly([(10, 205), (300, 70), (590, 205)], (120, 84, 78))
    for x in (90, 360):
        c.rect(x, 260, x + 130, 370, (250, 246, 236))
        c.rect(x + 10, 270, x + 120, 360, (176, 212, 228))
        c.rect(x + 63, 270, x + 67, 360, (250, 246, 236))
    c.rect(250, 410, 330, 540, (92, 130, 120))
    c.circle(318, 478, 5, MUSTARD)
    # gras, heg en boom
    c.vgradient(0, 520, W, H, GRASS, shade(GRASS, 0.93))
    for k in range(24):
        x = 560 + k * 46
        c.circle(x, 505, 58, shade(LEAF, 0.88 + (k * 37 % 11) / 80))
    c.rect(520, 505, W, 548, shade(LEAF, 0.85))
    tree(c, 1430, 640, 600, rng, crown=LEAF)
    # pad
    c.poly([(300, H), (520, H), (560, 560), (520, 560)], (222, 206, 178))
    # bloemenborders
    for k in range(22):
        x = 20 + k * 22 + rng.uniform(-6, 6)
        y = 590 + rng.uniform(-10, 10)
        c.line([(x, y + 40), (x, y)], 4, LEAF_DARK)
        c.circle(x, y, 11, rng.choice([PINK, MUSTARD, LILAC, (250, 246, 240), ROSE]))
    for k in range(18):
        x = 1150 + k * 25 + rng.uniform(-6, 6)
        y = 960 + rng.uniform(-10, 10)
        c.line([(x, y + 40), (x, y)], 4, LEAF_DARK)
        c.circle(x, y, 11, rng.choice([PINK, MUSTARD, LILAC, (250, 246, 240)]))

    # de bank: leuning, poten en zitting
    bx0, bx1 = 600, 1160
    seat_y = 790
    c.ellipse((bx0 + bx1) / 2, 955, (bx1 - bx0) / 2 + 30, 22, shade(GRASS, 0.85))
    for x in (bx0 + 30, bx1 - 50):
        c.rect(x, 590, x + 20, 950, WOOD_DARK)
    for k in range(3):
        c.rrect(bx0, 600 + k * 50, bx1, 636 + k * 50, 8, WOOD)
    c.poly([(bx0 + 10, seat_y - 30), (bx1 - 10, seat_y - 30), (bx1 + 10, seat_y), (bx0 - 10, seat_y)], shade(WOOD, 1.1))
    c.rrect(bx0 - 10, seat_y, bx1 + 10, seat_y + 22, 6, shade(WOOD, 0.88))

    u = 82
    floor_y = 950
    mom = Person(
        770,
        floor_y,
        u,
        skin=SKIN[2],
        shirt=TEAL,
        trousers=(96, 86, 120),
        hair=HAIR_GREY,
        hair_style="bob",
        shoes=WOOD_DARK,
    )
    mom.sit((seat_y - 8 - floor_y) / u)
    sam = Person(
        990,
        floor_y,
        u * 0.96,
        skin=SKIN[3],
        shirt=PINK,
        trousers=NAVY,
        hair=HAIR_DARK,
        hair_style="long",
        shoes=(240, 240, 236),
    )
    sam.sit((seat_y - 8 - floor_y) / (u * 0.96))
    # de hoofden een beetje naar elkaar toe
    mom.head = (0.12, mom.head[1])
    sam.head = (-0.14, sam.head[1])
    mt = mom.arms[0][0][1]
    st = sam.arms[0][0][1]
    # moeder: links een kop thee, rechts haar arm om Samira heen
    mom.arms = [[(-0.82, mt), (-1.1, mt + 1.2), (-0.35, mt + 1.5)], [(0.82, mt), (1.35, mt + 0.7), (1.9, mt + 0.4)]]
    sam.arms = [[(-0.82, st), (-1.05, st + 1.2), (-0.3, st + 1.6)], [(0.82, st), (1.05, st + 1.25), (0.3, st + 1.65)]]
    mom.draw(c)
    # de arm van moeder loopt achter Samira langs
    sam.draw(c)
    far_shoulder = sam.P((0.9, st - 0.05))
    c.circle(far_shoulder[0] + 6, far_shoulder[1] - 2, HAND * u, mom.skin)
    # kopjes thee
    for p, col in ((mom, MUSTARD), (sam, (250, 246, 236))):
        hx, hy = p.hand(0)
        steam(c, hx + 6, hy - 58, 34, (250, 250, 250), 0.6)
        c.rrect(hx - 16, hy - 52, hx + 30, hy - 2, 9, col)
        c.ring(hx + 34, hy - 30, 11, 5, col)
        c.circle(hx, hy - 12, HAND * p.u, p.skin)
    # Samira's andere hand om de kop
    hx, hy = sam.hand(1)
    c.circle(hx, hy - 18, HAND * sam.u, sam.skin)
    # vogeltje op de heg
    c.ellipse(560, 450, 20, 14, TERRA)
    c.circle(576, 440, 10, TERRA)
    c.poly([(584, 440), (596, 444), (584, 446)], MUSTARD)
    return c.result()


def pictogram(c, kind, x, y, s):
    """Een eenvoudig pictogram op een kaartje van s x s pixels, linksboven in (x, y)."""
    cx, cy = x + s / 2, y + s / 2
    c.rrect(x, y, x + s, y + s, 8, WHITE)
    if kind == "zon":
        for k in range(8):
            a = k / 8 * 2 * math.pi
            c.line(
                [
                    (cx + math.cos(a) * s * 0.22, cy + math.sin(a) * s * 0.22),
                    (cx + math.cos(a) * s * 0.36, cy + math.sin(a) * s * 0.36),
                ],
                s * 0.06,
                MUSTARD,
            )
        c.circle(cx, cy, s * 0.17, MUSTARD)
    elif kind == "kop":
        c.rrect(cx - s * 0.22, cy - s * 0.15, cx + s * 0.14, cy + s * 0.22, s * 0.06, TERRA)
        c.ring(cx + s * 0.18, cy + s * 0.02, s * 0.09, s * 0.05, TERRA)
    elif kind == "bus":
        c.rrect(cx - s * 0.33, cy - s * 0.22, cx + s * 0.33, cy + s * 0.18, s * 0.06, SOFT_BLUE)
        c.rect(cx - s * 0.26, cy - s * 0.15, cx + s * 0.26, cy - s * 0.02, WHITE)
        c.circle(cx - s * 0.18, cy + s * 0.2, s * 0.07, NAVY)
        c.circle(cx + s * 0.18, cy + s * 0.2, s * 0.07, NAVY)
    elif kind == "bord":
        c.circle(cx, cy, s * 0.26, (230, 230, 226))
        c.circle(cx, cy, s * 0.17, (250, 250, 246))
        c.rect(cx - s * 0.4, cy - s * 0.22, cx - s * 0.35, cy + s * 0.25, GREY_DARK)
        c.rect(cx + s * 0.35, cy - s * 0.22, cx + s * 0.4, cy + s * 0.25, GREY_DARK)
    elif kind == "bed":
        c.rect(cx - s * 0.34, cy, cx + s * 0.34, cy + s * 0.12, LILAC)
        c.rect(cx - s * 0.34, cy - s * 0.15, cx - s * 0.29, cy + s * 0.25, NAVY)
        c.rect(cx + s * 0.29, cy - s * 0.05, cx + s * 0.34, cy + s * 0.25, NAVY)
        c.ellipse(cx - s * 0.17, cy - s * 0.04, s * 0.09, s * 0.05, WHITE)
        c.circle(cx + s * 0.2, cy - s * 0.25, s * 0.09, MUSTARD)
        c.circle(cx + s * 0.24, cy - s * 0.28, s * 0.08, WHITE)
    elif kind == "bal":
        c.circle(cx, cy, s * 0.25, (240, 240, 236))
        c.ring(cx, cy, s * 0.25, s * 0.03, NAVY)
        c.circle(cx, cy, s * 0.08, NAVY)
    elif kind == "muziek":
        c.line(
            [
                (cx - s * 0.1, cy + s * 0.15),
                (cx - s * 0.1, cy - s * 0.22),
                (cx + s * 0.18, cy - s * 0.27),
                (cx + s * 0.18, cy + s * 0.1),
            ],
            s * 0.05,
            NAVY,
            caps=False,
        )
        c.ellipse(cx - s * 0.17, cy + s * 0.16, s * 0.09, s * 0.07, NAVY)
        c.ellipse(cx + s * 0.11, cy + s * 0.11, s * 0.09, s * 0.07, NAVY)
    elif kind == "tas":
        c.rrect(cx - s * 0.22, cy - s * 0.1, cx + s * 0.22, cy + s * 0.27, s * 0.04, SAGE_DARK)
        c.arc(cx, cy - s * 0.1, s * 0.12, s * 0.14, 180, 360, s * 0.04, SAGE_DARK)
    elif kind == "douche":
        c.line(
            [(cx - s * 0.2, cy + s * 0.3), (cx - s * 0.2, cy - s * 0.28), (cx + s * 0.05, cy - s * 0.28)],
            s * 0.05,
            GREY_DARK,
        )
        c.pieslice(cx + s * 0.1, cy - s * 0.2, s * 0.14, s * 0.1, 180, 360, GREY_DARK)
        for k in range(3):
            for j in range(2):
                c.circle(cx + s * (0.02 + k * 0.08), cy - s * 0.05 + j * s * 0.14, s * 0.025, SOFT_BLUE)
    elif kind == "maan":
        c.circle(cx, cy, s * 0.22, MUSTARD)
        c.circle(cx + s * 0.1, cy - s * 0.06, s * 0.2, WHITE)
        c.circle(cx - s * 0.22, cy - s * 0.25, s * 0.03, MUSTARD)
    elif kind == "cafe":
        c.rrect(cx - s * 0.15, cy - s * 0.22, cx + s * 0.05, cy + s * 0.22, s * 0.04, (214, 232, 238))
        c.rect(cx - s * 0.13, cy - s * 0.08, cx + s * 0.03, cy + s * 0.2, MUSTARD)
        c.rect(cx - s * 0.13, cy - s * 0.14, cx + s * 0.03, cy - s * 0.08, WHITE)
        c.circle(cx + s * 0.2, cy - s * 0.22, s * 0.03, MUSTARD)
        c.circle(cx + s * 0.24, cy - s * 0.12, s * 0.02, MUSTARD)


def noor_werk():
    rng = random.Random(707)
    c = Canvas((236, 232, 222))
    c.vgradient(0, 0, W, 820, (238, 234, 222), (228, 222, 208))
    floor(c, 820, (200, 170, 138))
    c.rect(0, 810, W, 826, (250, 248, 242))
    c.ellipse(900, 990, 520, 60, (196, 120, 110))  # kleed
    c.ellipse(900, 990, 480, 48, (214, 140, 126))
    # het dagplanbord: een week met pictogrammen
    x0, y0, x1, y1 = 100, 90, 1010, 690
    c.rrect(x0 - 20, y0 - 20, x1 + 20, y1 + 20, 16, WOOD)
    c.rrect(x0, y0, x1, y1, 10, (252, 250, 244))
    days = [
        (214, 92, 84),
        (238, 150, 70),
        (236, 196, 74),
        (124, 180, 104),
        (86, 160, 190),
        (130, 120, 200),
        (200, 110, 160),
    ]
    col_w = (x1 - x0 - 30) / 7
    rows = [
        ["zon", "zon", "zon", "zon", "zon", "zon", "zon"],
        ["bus", "tas", "bus", "bal", "bus", "muziek", "kop"],
        ["bord", "bord", "bord", "bord", "bord", "bord", "bord"],
        ["douche", "muziek", "kop", "douche", None, "cafe", "douche"],
        ["maan", "maan", "maan", "maan", "maan", "maan", "maan"],
    ]
    gap = 12
    s = min(col_w - 30, (y1 - 14 - (y0 + 76) - 4 * gap) / 5)
    for d_i, col in enumerate(days):
        cx0 = x0 + 15 + d_i * col_w
        c.rrect(cx0 + 6, y0 + 16, cx0 + col_w - 6, y0 + 56, 8, col)
        c.rrect(cx0 + 6, y0 + 66, cx0 + col_w - 6, y1 - 12, 8, mix(col, WHITE, 0.84))
        for r_i, row in enumerate(rows):
            kind = row[d_i]
            kx = cx0 + (col_w - s) / 2
            ky = y0 + 76 + r_i * (s + gap)
            if kind:
                pictogram(c, kind, kx, ky, s)
            else:
                c.rrect(kx, ky, kx + s, ky + s, 8, mix(col, WHITE, 0.55))
                empty = (kx, ky)
    # raam en plant rechts
    window(c, 1250, 130, 1500, 450, rng=rng)
    plant_pot(c, 1530, 820, 80, MUSTARD, LEAF)
    c.rrect(1180, 640, 1360, 820, 8, (190, 150, 120))  # kastje
    c.rect(1180, 712, 1360, 718, shade((190, 150, 120), 0.85))
    c.rrect(1210, 580, 1255, 640, 6, TEAL)
    c.rrect(1265, 600, 1315, 640, 6, TERRA)

    u = 88
    # begeleider Noor, achter, wijst naar de vrijdag
    nb = Person(
        1150,
        1000,
        u,
        skin=SKIN[3],
        shirt=TERRA,
        trousers=(88, 102, 138),
        hair=HAIR_DARK,
        hair_style="bun",
        facing=-1,
        shoes=NAVY,
    )
    nb.arms[0] = [(0, SH), (0.85, -6.0), (1.75, -7.0)]
    nb.arms[1] = [(0, SH), (0.3, -4.5), (0.55, -3.7)]
    # de cliënt, houdt het kaartje 'cafe' bij het lege vakje op vrijdagavond
    cl = Person(
        860,
        1010,
        u * 0.97,
        skin=SKIN[1],
        shirt=(102, 150, 120),
        trousers=NAVY,
        hair=HAIR_BLOND,
        hair_style="short",
        facing=-1,
        shoes=(240, 240, 236),
    )
    ex, ey = empty[0] + s / 2, empty[1] + s / 2
    hx_u = (cl.x - ex) / cl.u - 0.15  # gespiegeld: naar links is positief
    hy_u = (ey - cl.y) / cl.u
    cl.arms[0] = [(0, SH), (0.75, (SH + hy_u) / 2 + 0.35), (hx_u, hy_u + 0.15)]
    cl.arms[1] = [(0, SH), (0.25, -4.5), (0.35, -3.45)]
    nb.draw(c)
    cl.draw(c)
    hx, hy = cl.hand(0)
    pictogram(c, "cafe", hx - s * 0.8, hy - s * 0.55, s)
    c.circle(hx, hy, HAND * cl.u, cl.skin)
    # map met kaartjes onder de arm van Noor
    hx, hy = nb.hand(1)
    c.rrect(hx - 50, hy - 14, hx + 40, hy + 110, 8, SOFT_BLUE)
    c.rect(hx - 50, hy + 10, hx + 40, hy + 18, shade(SOFT_BLUE, 0.85))
    c.circle(hx, hy - 8, HAND * nb.u, nb.skin)
    return c.result()


SCENES = {
    "samen-koken.jpg": samen_koken,
    "moestuin.jpg": moestuin,
    "teamoverleg.jpg": teamoverleg,
    "wandeling.jpg": wandeling,
    "gert-keuken.jpg": gert_keuken,
    "samira-en-moeder.jpg": samira_en_moeder,
    "noor-werk.jpg": noor_werk,
}


def srgb_profile() -> bytes | None:
    """Een sRGB-kleurprofiel om mee te geven, als Pillow met LittleCMS is gebouwd."""
    try:
        from PIL import ImageCms

        data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    except Exception:  # zonder LittleCMS: gewone RGB, wat browsers ook als sRGB lezen
        return None
    # Het profiel draagt de datum van vandaag (bytes 24-35); zet een vaste datum, dan is elke run gelijk.
    data[24:36] = struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
    return bytes(data)


# Some source photos carry what a phone camera writes: place (GPS), time and camera. That is on
# purpose: the site shows that none of it is published (the photo pipeline strips it).
CAMERA_METADATA = {"gert-keuken.jpg", "moestuin.jpg", "samira-en-moeder.jpg"}


def camera_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Voorbeeldtelefoon"  # Make
    exif[0x0110] = "Model 7"  # Model
    exif[0x0132] = "2025:06:14 10:21:07"  # DateTime
    exif.get_ifd(0x8769)[0xA431] = "SN-00472211"  # BodySerialNumber
    exif.get_ifd(0x8825).update(
        {  # a made-up spot in the fictional Lindenveen
            1: "N",
            2: (52.0, 7.0, 12.5),
            3: "E",
            4: (5.0, 31.0, 48.2),
        }
    )
    return exif


def save_jpeg(im: Image.Image, path: Path, icc: bytes | None) -> int:
    buf = io.BytesIO()
    kwargs = {"quality": 85, "optimize": True, "progressive": False}
    if icc:
        kwargs["icc_profile"] = icc
    if path.name in CAMERA_METADATA:
        kwargs["exif"] = camera_exif()
    im.convert("RGB").save(buf, "JPEG", **kwargs)
    data = buf.getvalue()
    path.write_bytes(data)
    return len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="map voor de JPEG's (standaard content/media)")
    parser.add_argument("--png", type=Path, help="schrijf ook een PNG-kopie in deze map, om te bekijken")
    parser.add_argument("namen", nargs="*", help="alleen deze bestanden maken (bijvoorbeeld moestuin.jpg)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    icc = srgb_profile()
    for name, scene in SCENES.items():
        if args.namen and name not in args.namen:
            continue
        im = scene()
        size = save_jpeg(im, args.out / name, icc)
        if args.png:
            args.png.mkdir(parents=True, exist_ok=True)
            im.save(args.png / name.replace(".jpg", ".png"))
        print(f"{name}: {im.width}x{im.height}, {size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
