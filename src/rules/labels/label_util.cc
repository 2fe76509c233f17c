#include "rules/labels/label_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

#include "base/utf8.h"

namespace shipshape::rules {
namespace {

// The SPDX license list (identifiers, deprecated ones included: they stay valid) and its
// exceptions, sorted case-insensitively for the lookup; transcribed from the packages
// spdx-license-ids 3.0.23 and spdx-exceptions 2.5.0 (data under CC0-1.0).
constexpr std::string_view kSpdxLicenses[] = {
    "0BSD",
    "3D-Slicer-1.0",
    "AAL",
    "Abstyles",
    "AdaCore-doc",
    "Adobe-2006",
    "Adobe-Display-PostScript",
    "Adobe-Glyph",
    "Adobe-Utopia",
    "ADSL",
    "Advanced-Cryptics-Dictionary",
    "AFL-1.1",
    "AFL-1.2",
    "AFL-2.0",
    "AFL-2.1",
    "AFL-3.0",
    "Afmparse",
    "AGPL-1.0",
    "AGPL-1.0-only",
    "AGPL-1.0-or-later",
    "AGPL-3.0",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "Aladdin",
    "ALGLIB-Documentation",
    "AMD-newlib",
    "AMDPLPA",
    "AML",
    "AML-glslang",
    "AMPAS",
    "ANTLR-PD",
    "ANTLR-PD-fallback",
    "any-OSI",
    "any-OSI-perl-modules",
    "Apache-1.0",
    "Apache-1.1",
    "Apache-2.0",
    "APAFML",
    "APL-1.0",
    "App-s2p",
    "APSL-1.0",
    "APSL-1.1",
    "APSL-1.2",
    "APSL-2.0",
    "Arphic-1999",
    "Artistic-1.0",
    "Artistic-1.0-cl8",
    "Artistic-1.0-Perl",
    "Artistic-2.0",
    "Artistic-dist",
    "Aspell-RU",
    "ASWF-Digital-Assets-1.0",
    "ASWF-Digital-Assets-1.1",
    "Baekmuk",
    "Bahyph",
    "Barr",
    "bcrypt-Solar-Designer",
    "Beerware",
    "Bitstream-Charter",
    "Bitstream-Vera",
    "BitTorrent-1.0",
    "BitTorrent-1.1",
    "blessing",
    "BlueOak-1.0.0",
    "Boehm-GC",
    "Boehm-GC-without-fee",
    "BOLA-1.1",
    "Borceux",
    "Brian-Gladman-2-Clause",
    "Brian-Gladman-3-Clause",
    "BSD-1-Clause",
    "BSD-2-Clause",
    "BSD-2-Clause-Darwin",
    "BSD-2-Clause-first-lines",
    "BSD-2-Clause-FreeBSD",
    "BSD-2-Clause-NetBSD",
    "BSD-2-Clause-Patent",
    "BSD-2-Clause-pkgconf-disclaimer",
    "BSD-2-Clause-Views",
    "BSD-3-Clause",
    "BSD-3-Clause-acpica",
    "BSD-3-Clause-Attribution",
    "BSD-3-Clause-Clear",
    "BSD-3-Clause-flex",
    "BSD-3-Clause-HP",
    "BSD-3-Clause-LBNL",
    "BSD-3-Clause-Modification",
    "BSD-3-Clause-No-Military-License",
    "BSD-3-Clause-No-Nuclear-License",
    "BSD-3-Clause-No-Nuclear-License-2014",
    "BSD-3-Clause-No-Nuclear-Warranty",
    "BSD-3-Clause-Open-MPI",
    "BSD-3-Clause-Sun",
    "BSD-3-Clause-Tso",
    "BSD-4-Clause",
    "BSD-4-Clause-Shortened",
    "BSD-4-Clause-UC",
    "BSD-4.3RENO",
    "BSD-4.3TAHOE",
    "BSD-Advertising-Acknowledgement",
    "BSD-Attribution-HPND-disclaimer",
    "BSD-Inferno-Nettverk",
    "BSD-Mark-Modifications",
    "BSD-Protection",
    "BSD-Source-beginning-file",
    "BSD-Source-Code",
    "BSD-Systemics",
    "BSD-Systemics-W3Works",
    "BSL-1.0",
    "Buddy",
    "BUSL-1.1",
    "bzip2-1.0.5",
    "bzip2-1.0.6",
    "C-UDA-1.0",
    "CAL-1.0",
    "CAL-1.0-Combined-Work-Exception",
    "Caldera",
    "Caldera-no-preamble",
    "CAPEC-tou",
    "Catharon",
    "CATOSL-1.1",
    "CC-BY-1.0",
    "CC-BY-2.0",
    "CC-BY-2.5",
    "CC-BY-2.5-AU",
    "CC-BY-3.0",
    "CC-BY-3.0-AT",
    "CC-BY-3.0-AU",
    "CC-BY-3.0-DE",
    "CC-BY-3.0-IGO",
    "CC-BY-3.0-NL",
    "CC-BY-3.0-US",
    "CC-BY-4.0",
    "CC-BY-NC-1.0",
    "CC-BY-NC-2.0",
    "CC-BY-NC-2.5",
    "CC-BY-NC-3.0",
    "CC-BY-NC-3.0-DE",
    "CC-BY-NC-4.0",
    "CC-BY-NC-ND-1.0",
    "CC-BY-NC-ND-2.0",
    "CC-BY-NC-ND-2.5",
    "CC-BY-NC-ND-3.0",
    "CC-BY-NC-ND-3.0-DE",
    "CC-BY-NC-ND-3.0-IGO",
    "CC-BY-NC-ND-4.0",
    "CC-BY-NC-SA-1.0",
    "CC-BY-NC-SA-2.0",
    "CC-BY-NC-SA-2.0-DE",
    "CC-BY-NC-SA-2.0-FR",
    "CC-BY-NC-SA-2.0-UK",
    "CC-BY-NC-SA-2.5",
    "CC-BY-NC-SA-3.0",
    "CC-BY-NC-SA-3.0-DE",
    "CC-BY-NC-SA-3.0-IGO",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-1.0",
    "CC-BY-ND-2.0",
    "CC-BY-ND-2.5",
    "CC-BY-ND-3.0",
    "CC-BY-ND-3.0-DE",
    "CC-BY-ND-4.0",
    "CC-BY-SA-1.0",
    "CC-BY-SA-2.0",
    "CC-BY-SA-2.0-UK",
    "CC-BY-SA-2.1-JP",
    "CC-BY-SA-2.5",
    "CC-BY-SA-3.0",
    "CC-BY-SA-3.0-AT",
    "CC-BY-SA-3.0-DE",
    "CC-BY-SA-3.0-IGO",
    "CC-BY-SA-4.0",
    "CC-PDDC",
    "CC-PDM-1.0",
    "CC-SA-1.0",
    "CC0-1.0",
    "CDDL-1.0",
    "CDDL-1.1",
    "CDL-1.0",
    "CDLA-Permissive-1.0",
    "CDLA-Permissive-2.0",
    "CDLA-Sharing-1.0",
    "CECILL-1.0",
    "CECILL-1.1",
    "CECILL-2.0",
    "CECILL-2.1",
    "CECILL-B",
    "CECILL-C",
    "CERN-OHL-1.1",
    "CERN-OHL-1.2",
    "CERN-OHL-P-2.0",
    "CERN-OHL-S-2.0",
    "CERN-OHL-W-2.0",
    "CFITSIO",
    "check-cvs",
    "checkmk",
    "ClArtistic",
    "Clips",
    "CMU-Mach",
    "CMU-Mach-nodoc",
    "CNRI-Jython",
    "CNRI-Python",
    "CNRI-Python-GPL-Compatible",
    "COIL-1.0",
    "Community-Spec-1.0",
    "Condor-1.1",
    "copyleft-next-0.3.0",
    "copyleft-next-0.3.1",
    "Cornell-Lossless-JPEG",
    "CPAL-1.0",
    "CPL-1.0",
    "CPOL-1.02",
    "Cronyx",
    "Crossword",
    "CryptoSwift",
    "CrystalStacker",
    "CUA-OPL-1.0",
    "Cube",
    "curl",
    "cve-tou",
    "D-FSL-1.0",
    "DEC-3-Clause",
    "diffmark",
    "DL-DE-BY-2.0",
    "DL-DE-ZERO-2.0",
    "DOC",
    "DocBook-DTD",
    "DocBook-Schema",
    "DocBook-Stylesheet",
    "DocBook-XML",
    "Dotseqn",
    "DRL-1.0",
    "DRL-1.1",
    "DSDP",
    "dtoa",
    "dvipdfm",
    "ECL-1.0",
    "ECL-2.0",
    "eCos-2.0",
    "EFL-1.0",
    "EFL-2.0",
    "eGenix",
    "Elastic-2.0",
    "Entessa",
    "EPICS",
    "EPL-1.0",
    "EPL-2.0",
    "ErlPL-1.1",
    "ESA-PL-permissive-2.4",
    "ESA-PL-strong-copyleft-2.4",
    "ESA-PL-weak-copyleft-2.4",
    "etalab-2.0",
    "EUDatagrid",
    "EUPL-1.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "Eurosym",
    "Fair",
    "FBM",
    "FDK-AAC",
    "Ferguson-Twofish",
    "Frameworx-1.0",
    "FreeBSD-DOC",
    "FreeImage",
    "FSFAP",
    "FSFAP-no-warranty-disclaimer",
    "FSFUL",
    "FSFULLR",
    "FSFULLRSD",
    "FSFULLRWD",
    "FSL-1.1-ALv2",
    "FSL-1.1-MIT",
    "FTL",
    "Furuseth",
    "fwlw",
    "Game-Programming-Gems",
    "GCR-docs",
    "GD",
    "generic-xts",
    "GFDL-1.1",
    "GFDL-1.1-invariants-only",
    "GFDL-1.1-invariants-or-later",
    "GFDL-1.1-no-invariants-only",
    "GFDL-1.1-no-invariants-or-later",
    "GFDL-1.1-only",
    "GFDL-1.1-or-later",
    "GFDL-1.2",
    "GFDL-1.2-invariants-only",
    "GFDL-1.2-invariants-or-later",
    "GFDL-1.2-no-invariants-only",
    "GFDL-1.2-no-invariants-or-later",
    "GFDL-1.2-only",
    "GFDL-1.2-or-later",
    "GFDL-1.3",
    "GFDL-1.3-invariants-only",
    "GFDL-1.3-invariants-or-later",
    "GFDL-1.3-no-invariants-only",
    "GFDL-1.3-no-invariants-or-later",
    "GFDL-1.3-only",
    "GFDL-1.3-or-later",
    "Giftware",
    "GL2PS",
    "Glide",
    "Glulxe",
    "GLWTPL",
    "gnuplot",
    "GPL-1.0",
    "GPL-1.0-only",
    "GPL-1.0-or-later",
    "GPL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-2.0-with-autoconf-exception",
    "GPL-2.0-with-bison-exception",
    "GPL-2.0-with-classpath-exception",
    "GPL-2.0-with-font-exception",
    "GPL-2.0-with-GCC-exception",
    "GPL-3.0",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "GPL-3.0-with-autoconf-exception",
    "GPL-3.0-with-GCC-exception",
    "Graphics-Gems",
    "gSOAP-1.3b",
    "gtkbook",
    "Gutmann",
    "HaskellReport",
    "HDF5",
    "hdparm",
    "HIDAPI",
    "Hippocratic-2.1",
    "HP-1986",
    "HP-1989",
    "HPND",
    "HPND-DEC",
    "HPND-doc",
    "HPND-doc-sell",
    "HPND-export-US",
    "HPND-export-US-acknowledgement",
    "HPND-export-US-modify",
    "HPND-export2-US",
    "HPND-Fenneberg-Livingston",
    "HPND-INRIA-IMAG",
    "HPND-Intel",
    "HPND-Kevlin-Henney",
    "HPND-Markus-Kuhn",
    "HPND-merchantability-variant",
    "HPND-MIT-disclaimer",
    "HPND-Netrek",
    "HPND-Pbmplus",
    "HPND-sell-MIT-disclaimer-xserver",
    "HPND-sell-regexpr",
    "HPND-sell-variant",
    "HPND-sell-variant-critical-systems",
    "HPND-sell-variant-MIT-disclaimer",
    "HPND-sell-variant-MIT-disclaimer-rev",
    "HPND-SMC",
    "HPND-UC",
    "HPND-UC-export-US",
    "HTMLTIDY",
    "hyphen-bulgarian",
    "IBM-pibs",
    "ICU",
    "IEC-Code-Components-EULA",
    "IJG",
    "IJG-short",
    "ImageMagick",
    "iMatix",
    "Imlib2",
    "Info-ZIP",
    "Inner-Net-2.0",
    "InnoSetup",
    "Intel",
    "Intel-ACPI",
    "Interbase-1.0",
    "IPA",
    "IPL-1.0",
    "ISC",
    "ISC-Veillard",
    "ISO-permission",
    "Jam",
    "JasPer-2.0",
    "jove",
    "JPL-image",
    "JPNIC",
    "JSON",
    "Kastrup",
    "Kazlib",
    "Knuth-CTAN",
    "LAL-1.2",
    "LAL-1.3",
    "Latex2e",
    "Latex2e-translated-notice",
    "Leptonica",
    "LGPL-2.0",
    "LGPL-2.0-only",
    "LGPL-2.0-or-later",
    "LGPL-2.1",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "LGPLLR",
    "Libpng",
    "libpng-1.6.35",
    "libpng-2.0",
    "libselinux-1.0",
    "libtiff",
    "libutil-David-Nugent",
    "LiLiQ-P-1.1",
    "LiLiQ-R-1.1",
    "LiLiQ-Rplus-1.1",
    "Linux-man-pages-1-para",
    "Linux-man-pages-copyleft",
    "Linux-man-pages-copyleft-2-para",
    "Linux-man-pages-copyleft-var",
    "Linux-OpenIB",
    "LOOP",
    "LPD-document",
    "LPL-1.0",
    "LPL-1.02",
    "LPPL-1.0",
    "LPPL-1.1",
    "LPPL-1.2",
    "LPPL-1.3a",
    "LPPL-1.3c",
    "lsof",
    "Lucida-Bitmap-Fonts",
    "LZMA-SDK-9.11-to-9.20",
    "LZMA-SDK-9.22",
    "Mackerras-3-Clause",
    "Mackerras-3-Clause-acknowledgment",
    "magaz",
    "mailprio",
    "MakeIndex",
    "man2html",
    "Martin-Birgmeier",
    "McPhee-slideshow",
    "metamail",
    "Minpack",
    "MIPS",
    "MirOS",
    "MIT",
    "MIT-0",
    "MIT-advertising",
    "MIT-Click",
    "MIT-CMU",
    "MIT-enna",
    "MIT-feh",
    "MIT-Festival",
    "MIT-Khronos-old",
    "MIT-Modern-Variant",
    "MIT-open-group",
    "MIT-STK",
    "MIT-testregex",
    "MIT-Wu",
    "MITNFA",
    "MMIXware",
    "MMPL-1.0.1",
    "Motosoto",
    "MPEG-SSG",
    "mpi-permissive",
    "mpich2",
    "MPL-1.0",
    "MPL-1.1",
    "MPL-2.0",
    "MPL-2.0-no-copyleft-exception",
    "mplus",
    "MS-LPL",
    "MS-PL",
    "MS-RL",
    "MTLL",
    "MulanPSL-1.0",
    "MulanPSL-2.0",
    "Multics",
    "Mup",
    "NAIST-2003",
    "NASA-1.3",
    "Naumen",
    "NBPL-1.0",
    "NCBI-PD",
    "NCGL-UK-2.0",
    "NCL",
    "NCSA",
    "Net-SNMP",
    "NetCDF",
    "Newsletr",
    "NGPL",
    "ngrep",
    "NICTA-1.0",
    "NIST-PD",
    "NIST-PD-fallback",
    "NIST-PD-TNT",
    "NIST-Software",
    "NLOD-1.0",
    "NLOD-2.0",
    "NLPL",
    "Nokia",
    "NOSL",
    "Noweb",
    "NPL-1.0",
    "NPL-1.1",
    "NPOSL-3.0",
    "NRL",
    "NTIA-PD",
    "NTP",
    "NTP-0",
    "Nunit",
    "O-UDA-1.0",
    "OAR",
    "OCCT-PL",
    "OCLC-2.0",
    "ODbL-1.0",
    "ODC-By-1.0",
    "OFFIS",
    "OFL-1.0",
    "OFL-1.0-no-RFN",
    "OFL-1.0-RFN",
    "OFL-1.1",
    "OFL-1.1-no-RFN",
    "OFL-1.1-RFN",
    "OGC-1.0",
    "OGDL-Taiwan-1.0",
    "OGL-Canada-2.0",
    "OGL-UK-1.0",
    "OGL-UK-2.0",
    "OGL-UK-3.0",
    "OGTSL",
    "OLDAP-1.1",
    "OLDAP-1.2",
    "OLDAP-1.3",
    "OLDAP-1.4",
    "OLDAP-2.0",
    "OLDAP-2.0.1",
    "OLDAP-2.1",
    "OLDAP-2.2",
    "OLDAP-2.2.1",
    "OLDAP-2.2.2",
    "OLDAP-2.3",
    "OLDAP-2.4",
    "OLDAP-2.5",
    "OLDAP-2.6",
    "OLDAP-2.7",
    "OLDAP-2.8",
    "OLFL-1.3",
    "OML",
    "OpenMDW-1.0",
    "OpenPBS-2.3",
    "OpenSSL",
    "OpenSSL-standalone",
    "OpenVision",
    "OPL-1.0",
    "OPL-UK-3.0",
    "OPUBL-1.0",
    "OSC-1.0",
    "OSET-PL-2.1",
    "OSL-1.0",
    "OSL-1.1",
    "OSL-2.0",
    "OSL-2.1",
    "OSL-3.0",
    "OSSP",
    "PADL",
    "ParaType-Free-Font-1.3",
    "Parity-6.0.0",
    "Parity-7.0.0",
    "PDDL-1.0",
    "PHP-3.0",
    "PHP-3.01",
    "Pixar",
    "pkgconf",
    "Plexus",
    "pnmstitch",
    "PolyForm-Noncommercial-1.0.0",
    "PolyForm-Small-Business-1.0.0",
    "PostgreSQL",
    "PPL",
    "PSF-2.0",
    "psfrag",
    "psutils",
    "Python-2.0",
    "Python-2.0.1",
    "python-ldap",
    "Qhull",
    "QPL-1.0",
    "QPL-1.0-INRIA-2004",
    "radvd",
    "Rdisc",
    "RHeCos-1.1",
    "RPL-1.1",
    "RPL-1.5",
    "RPSL-1.0",
    "RSA-MD",
    "RSCPL",
    "Ruby",
    "Ruby-pty",
    "SAX-PD",
    "SAX-PD-2.0",
    "Saxpath",
    "SCEA",
    "SchemeReport",
    "Sendmail",
    "Sendmail-8.23",
    "Sendmail-Open-Source-1.1",
    "SGI-B-1.0",
    "SGI-B-1.1",
    "SGI-B-2.0",
    "SGI-OpenGL",
    "SGMLUG-PM",
    "SGP4",
    "SHL-0.5",
    "SHL-0.51",
    "SimPL-2.0",
    "SISSL",
    "SISSL-1.2",
    "SL",
    "Sleepycat",
    "SMAIL-GPL",
    "SMLNJ",
    "SMPPL",
    "SNIA",
    "snprintf",
    "SOFA",
    "softSurfer",
    "Soundex",
    "Spencer-86",
    "Spencer-94",
    "Spencer-99",
    "SPL-1.0",
    "ssh-keyscan",
    "SSH-OpenSSH",
    "SSH-short",
    "SSLeay-standalone",
    "SSPL-1.0",
    "StandardML-NJ",
    "SugarCRM-1.1.3",
    "SUL-1.0",
    "Sun-PPP",
    "Sun-PPP-2000",
    "SunPro",
    "SWL",
    "swrule",
    "Symlinks",
    "TAPR-OHL-1.0",
    "TCL",
    "TCP-wrappers",
    "TekHVC",
    "TermReadKey",
    "TGPPL-1.0",
    "ThirdEye",
    "threeparttable",
    "TMate",
    "TORQUE-1.1",
    "TOSL",
    "TPDL",
    "TPL-1.0",
    "TrustedQSL",
    "TTWL",
    "TTYP0",
    "TU-Berlin-1.0",
    "TU-Berlin-2.0",
    "Ubuntu-font-1.0",
    "UCAR",
    "UCL-1.0",
    "ulem",
    "UMich-Merit",
    "Unicode-3.0",
    "Unicode-DFS-2015",
    "Unicode-DFS-2016",
    "Unicode-TOU",
    "UnixCrypt",
    "Unlicense",
    "Unlicense-libtelnet",
    "Unlicense-libwhirlpool",
    "UnRAR",
    "UPL-1.0",
    "URT-RLE",
    "Vim",
    "Vixie-Cron",
    "VOSTROM",
    "VSL-1.0",
    "W3C",
    "W3C-19980720",
    "W3C-20150513",
    "w3m",
    "Watcom-1.0",
    "Widget-Workshop",
    "WordNet",
    "Wsuipa",
    "WTFNMFPL",
    "WTFPL",
    "wwl",
    "wxWindows",
    "X11",
    "X11-distribute-modifications-variant",
    "X11-no-permit-persons",
    "X11-swapped",
    "Xdebug-1.03",
    "Xerox",
    "Xfig",
    "XFree86-1.1",
    "xinetd",
    "xkeyboard-config-Zinoviev",
    "xlock",
    "Xnet",
    "xpp",
    "XSkat",
    "xzoom",
    "YPL-1.0",
    "YPL-1.1",
    "Zed",
    "Zeeff",
    "Zend-2.0",
    "Zimbra-1.3",
    "Zimbra-1.4",
    "Zlib",
    "zlib-acknowledgement",
    "ZPL-1.1",
    "ZPL-2.0",
    "ZPL-2.1",
};

constexpr std::string_view kSpdxExceptions[] = {
    "389-exception",
    "Asterisk-exception",
    "Autoconf-exception-2.0",
    "Autoconf-exception-3.0",
    "Autoconf-exception-generic",
    "Autoconf-exception-generic-3.0",
    "Autoconf-exception-macro",
    "Bison-exception-1.24",
    "Bison-exception-2.2",
    "Bootloader-exception",
    "Classpath-exception-2.0",
    "CLISP-exception-2.0",
    "cryptsetup-OpenSSL-exception",
    "DigiRule-FOSS-exception",
    "eCos-exception-2.0",
    "Fawkes-Runtime-exception",
    "FLTK-exception",
    "fmt-exception",
    "Font-exception-2.0",
    "freertos-exception-2.0",
    "GCC-exception-2.0",
    "GCC-exception-2.0-note",
    "GCC-exception-3.1",
    "Gmsh-exception",
    "GNAT-exception",
    "GNOME-examples-exception",
    "GNU-compiler-exception",
    "gnu-javamail-exception",
    "GPL-3.0-interface-exception",
    "GPL-3.0-linking-exception",
    "GPL-3.0-linking-source-exception",
    "GPL-CC-1.0",
    "GStreamer-exception-2005",
    "GStreamer-exception-2008",
    "i2p-gpl-java-exception",
    "KiCad-libraries-exception",
    "LGPL-3.0-linking-exception",
    "libpri-OpenH323-exception",
    "Libtool-exception",
    "Linux-syscall-note",
    "LLGPL",
    "LLVM-exception",
    "LZMA-exception",
    "mif-exception",
    "Nokia-Qt-exception-1.1",
    "OCaml-LGPL-linking-exception",
    "OCCT-exception-1.0",
    "OpenJDK-assembly-exception-1.0",
    "openvpn-openssl-exception",
    "PS-or-PDF-font-exception-20170817",
    "QPL-1.0-INRIA-2004-exception",
    "Qt-GPL-exception-1.0",
    "Qt-LGPL-exception-1.1",
    "Qwt-exception-1.0",
    "SANE-exception",
    "SHL-2.0",
    "SHL-2.1",
    "stunnel-exception",
    "SWI-exception",
    "Swift-exception",
    "Texinfo-exception",
    "u-boot-exception-2.0",
    "UBDL-exception",
    "Universal-FOSS-exception-1.0",
    "vsftpd-openssl-exception",
    "WxWindows-exception-3.1",
    "x11vnc-openssl-exception",
};

char AsciiLowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Case-insensitive ASCII ordering, the order of the SPDX tables.
bool LessIgnoreCase(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(AsciiLowerChar(a[i]));
    const auto y = static_cast<unsigned char>(AsciiLowerChar(b[i]));
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

template <std::size_t N>
bool InTable(const std::string_view (&table)[N], std::string_view id) {
  const auto* it = std::lower_bound(std::begin(table), std::end(table), id, LessIgnoreCase);
  return it != std::end(table) && base::EqualsIgnoreCase(*it, id);
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return IsDigit(c); });
}

// RFC 3986 character classes.
bool IsUnreserved(char c) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool IsSubDelim(char c) {
  return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

/// Every byte of `s` is unreserved, a sub-delim, one of `extra`, or part of a `%XX`.
bool UriChars(std::string_view s, std::string_view extra) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
      i += 2;
    } else if (!IsUnreserved(c) && !IsSubDelim(c) && extra.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool IsIpv4(std::string_view s) {
  int parts = 0;
  while (true) {
    const std::size_t dot = s.find('.');
    const std::string_view octet = s.substr(0, dot);
    if (octet.empty() || octet.size() > 3 || !AllDigits(octet)) return false;
    if (octet.size() > 1 && octet[0] == '0') return false;
    int value = 0;
    for (char c : octet) value = value * 10 + (c - '0');
    if (value > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return parts == 4;
}

/// RFC 3986's IPv6address: eight 16-bit groups, or fewer with one `::`, the last two maybe
/// written as an IPv4 address.
bool IsIpv6(std::string_view s) {
  const std::size_t gap = s.find("::");
  if (gap != std::string_view::npos && s.find("::", gap + 1) != std::string_view::npos) {
    return false;
  }
  int groups = 0;
  // Counts the groups of one side of the `::` (or of the whole address); an IPv4 tail counts 2.
  auto side = [&groups](std::string_view part, bool ipv4_allowed) {
    if (part.empty()) return true;
    while (true) {
      const std::size_t colon = part.find(':');
      const std::string_view group = part.substr(0, colon);
      if (colon == std::string_view::npos && ipv4_allowed && group.find('.') != group.npos) {
        if (!IsIpv4(group)) return false;
        groups += 2;
        return true;
      }
      if (group.empty() || group.size() > 4 ||
          !std::all_of(group.begin(), group.end(), [](char c) { return IsHex(c); })) {
        return false;
      }
      ++groups;
      if (colon == std::string_view::npos) return true;
      part.remove_prefix(colon + 1);
    }
  };
  if (gap == std::string_view::npos) return side(s, true) && groups == 8;
  return side(s.substr(0, gap), false) && side(s.substr(gap + 2), true) && groups <= 7;
}

bool IsAuthority(std::string_view s) {
  const std::size_t at = s.find('@');
  if (at != std::string_view::npos) {
    if (!UriChars(s.substr(0, at), ":")) return false;
    s.remove_prefix(at + 1);
  }
  std::string_view port;
  if (!s.empty() && s[0] == '[') {
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view literal = s.substr(1, close - 1);
    const std::string_view rest = s.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return false;
    if (!rest.empty()) port = rest.substr(1);
    if (!literal.empty() && (literal[0] == 'v' || literal[0] == 'V')) {
      // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
      const std::size_t dot = literal.find('.');
      if (dot == std::string_view::npos || dot < 2 || dot + 1 == literal.size()) return false;
      const std::string_view version = literal.substr(1, dot - 1);
      if (!std::all_of(version.begin(), version.end(), [](char c) { return IsHex(c); })) {
        return false;
      }
      const std::string_view rest_of = literal.substr(dot + 1);
      if (rest_of.find('%') != std::string_view::npos || !UriChars(rest_of, ":")) return false;
    } else if (!IsIpv6(literal)) {
      return false;
    }
  } else {
    const std::size_t colon = s.find(':');
    if (colon != std::string_view::npos) port = s.substr(colon + 1);
    // reg-name (which an IPv4 address also is).
    if (!UriChars(s.substr(0, colon), "")) return false;
  }
  return AllDigits(port);
}

bool IsDateTimeNumber(std::string_view s, std::size_t pos, std::size_t len, int min, int max,
                      int* out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (!IsDigit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  if (v < min || v > max) return false;
  if (out) *out = v;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

/// A semver numeric identifier: `0` or digits without a leading zero.
bool IsNumericIdentifier(std::string_view s) {
  return !s.empty() && AllDigits(s) && (s.size() == 1 || s[0] != '0');
}

/// Dot-separated identifiers of [0-9A-Za-z-]; `prerelease` ones may not be numbers with a
/// leading zero.
bool IsSemverIdentifiers(std::string_view s, bool prerelease) {
  while (true) {
    const std::size_t dot = s.find('.');
    const std::string_view id = s.substr(0, dot);
    if (id.empty()) return false;
    for (char c : id) {
      if (!IsAlpha(c) && !IsDigit(c) && c != '-') return false;
    }
    if (prerelease && AllDigits(id) && !IsNumericIdentifier(id)) return false;
    if (dot == std::string_view::npos) return true;
    s.remove_prefix(dot + 1);
  }
}

// RFC 5322 character classes.
bool IsAtext(char c) {
  return IsAlpha(c) || IsDigit(c) ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool IsDotAtom(std::string_view s) {
  while (true) {
    const std::size_t dot = s.find('.');
    const std::string_view atom = s.substr(0, dot);
    if (atom.empty() || !std::all_of(atom.begin(), atom.end(), IsAtext)) return false;
    if (dot == std::string_view::npos) return true;
    s.remove_prefix(dot + 1);
  }
}

/// `"..."` of qtext, quoted pairs and white space.
bool IsQuotedString(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  s = s.substr(1, s.size() - 2);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      if (++i == s.size()) return false;
      const auto q = static_cast<unsigned char>(s[i]);
      if (q != ' ' && q != '\t' && (q < 33 || q > 126)) return false;
    } else if (c != ' ' && c != '\t' && (c < 33 || c > 126 || c == '"')) {
      return false;
    }
  }
  return true;
}

/// `[...]` of dtext and white space.
bool IsDomainLiteral(std::string_view s) {
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return false;
  for (char ch : s.substr(1, s.size() - 2)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c != ' ' && c != '\t' && (c < 33 || c > 126 || c == '[' || c == ']' || c == '\\')) {
      return false;
    }
  }
  return true;
}

/// An SPDX idstring: 1*( ALPHA / DIGIT / "-" / "." ).
bool IsIdString(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.';
  });
}

/// `[DocumentRef-<id>:]<prefix><id>`, e.g. `LicenseRef-custom`.
bool IsSpdxRef(std::string_view s, std::string_view prefix) {
  if (s.substr(0, 12) == "DocumentRef-") {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || !IsIdString(s.substr(12, colon - 12))) return false;
    s.remove_prefix(colon + 1);
  }
  return s.substr(0, prefix.size()) == prefix && IsIdString(s.substr(prefix.size()));
}

/// A recursive-descent parser of SPDX license expressions over whitespace- and
/// parenthesis-separated tokens. Precedence does not matter for validation.
class SpdxParser {
 public:
  explicit SpdxParser(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      const char c = text[i];
      if (c == ' ' || c == '\t') {
        ++i;
      } else if (c == '(' || c == ')') {
        tokens_.push_back(text.substr(i++, 1));
      } else {
        const std::size_t begin = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '(' &&
               text[i] != ')') {
          ++i;
        }
        tokens_.push_back(text.substr(begin, i - begin));
      }
    }
  }

  bool Valid() {
    if (tokens_.empty() || !Expression(0)) return false;
    return pos_ == tokens_.size();
  }

 private:
  /// Operators are matched case-sensitively, all upper or all lower case (SPDX annex D).
  static bool IsOperator(std::string_view t, std::string_view upper, std::string_view lower) {
    return t == upper || t == lower;
  }

  bool Expression(int depth) {
    if (depth > 64) return false;  // keeps hostile input from exhausting the stack
    if (!Term(depth)) return false;
    while (pos_ < tokens_.size() &&
           (IsOperator(tokens_[pos_], "AND", "and") || IsOperator(tokens_[pos_], "OR", "or"))) {
      ++pos_;
      if (!Term(depth)) return false;
    }
    return true;
  }

  bool Term(int depth) {
    if (pos_ >= tokens_.size()) return false;
    if (tokens_[pos_] == "(") {
      ++pos_;
      if (!Expression(depth + 1)) return false;
      if (pos_ >= tokens_.size() || tokens_[pos_] != ")") return false;
      ++pos_;
      return true;
    }
    std::string_view id = tokens_[pos_++];
    if (!IsSpdxRef(id, "LicenseRef-")) {
      if (!id.empty() && id.back() == '+') id.remove_suffix(1);
      if (!InTable(kSpdxLicenses, id)) return false;
    }
    if (pos_ < tokens_.size() && IsOperator(tokens_[pos_], "WITH", "with")) {
      ++pos_;
      if (pos_ >= tokens_.size()) return false;
      const std::string_view exception = tokens_[pos_++];
      return InTable(kSpdxExceptions, exception) || IsSpdxRef(exception, "AdditionRef-");
    }
    return true;
  }

  std::vector<std::string_view> tokens_;
  std::size_t pos_ = 0;
};

/// Whether `word` can be taken as written: no quotes, escapes or variables to process.
bool IsLiteral(std::string_view word, char escape) {
  return word.find_first_of("$'\"") == std::string_view::npos &&
         word.find(escape) == std::string_view::npos;
}

}  // namespace

namespace {

/// The labels of `inst`, expanded with the scope of instruction `index`, or with no variable
/// known when `index` is nullopt (ONBUILD: the downstream build expands them).
std::vector<ResolvedLabel> Resolve(const Context& ctx, const syntax::Instruction& inst,
                                   std::optional<std::size_t> index) {
  std::vector<ResolvedLabel> out;
  out.reserve(inst.pairs.size());
  const char escape = ctx.dockerfile().escape;
  static const model::Scope kEmpty;
  auto resolve = [&](std::string_view word, std::string& value, bool& known) {
    if (IsLiteral(word, escape)) {
      value = std::string(word);
      known = true;
      return;
    }
    model::Resolved r =
        index ? ctx.model().Resolve(*index, word) : ctx.model().Resolve(kEmpty, word);
    value = std::move(r.value);
    known = r.known;
  };
  for (const syntax::KeyValue& pair : inst.pairs) {
    ResolvedLabel& label = out.emplace_back();
    label.pair = &pair;
    resolve(pair.key.value, label.key, label.key_known);
    resolve(pair.value.value, label.value, label.value_known);
  }
  return out;
}

}  // namespace

std::vector<ResolvedLabel> ResolveLabels(const Context& ctx, const syntax::Instruction& inst) {
  return Resolve(ctx, inst,
                 ctx.in_onbuild() ? std::nullopt : std::optional<std::size_t>(ctx.index()));
}

std::vector<ResolvedLabel> ResolveLabelsAt(const Context& ctx, std::size_t index) {
  return Resolve(ctx, ctx.dockerfile().instructions[index], index);
}

const LabelRequirement* FindLabelRequirement(const Options& options, std::string_view key) {
  for (const LabelRequirement& r : options.label_schema) {
    if (r.name == key) return &r;
  }
  return nullptr;
}

base::Range PairRange(const syntax::KeyValue& pair) {
  return {pair.key.range.begin, std::max(pair.key.range.end, pair.value.range.end)};
}

void CheckLabelValues(Context& ctx, const syntax::Instruction& inst, std::string_view type,
                      bool (*valid)(std::string_view), std::string_view what) {
  if (inst.keyword != syntax::Keyword::kLabel || ctx.options().label_schema.empty()) return;
  bool wanted = false;
  for (const LabelRequirement& r : ctx.options().label_schema) wanted = wanted || r.type == type;
  if (!wanted) return;
  for (const ResolvedLabel& label : ResolveLabels(ctx, inst)) {
    if (!label.key_known || !label.value_known || label.value.empty()) continue;
    const LabelRequirement* req = FindLabelRequirement(ctx.options(), label.key);
    if (!req || req->type != type || valid(label.value)) continue;
    ctx.Report(label.pair->value.range,
               fmt::format("Label `{}` is not {}: `{}`", label.key, what, label.value));
  }
}

bool IsUri(std::string_view s) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsAlpha(s[0])) return false;
  for (char c : s.substr(0, colon)) {
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  s.remove_prefix(colon + 1);
  if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    if (!UriChars(s.substr(hash + 1), ":@/?")) return false;
    s = s.substr(0, hash);
  }
  if (const std::size_t question = s.find('?'); question != std::string_view::npos) {
    if (!UriChars(s.substr(question + 1), ":@/?")) return false;
    s = s.substr(0, question);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    const std::size_t slash = s.find('/');
    if (!IsAuthority(s.substr(0, slash))) return false;
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  // path-abempty, path-absolute, path-rootless or path-empty: segments of pchar.
  return UriChars(s, ":@/");
}

bool IsRfc3339DateTime(std::string_view s) {
  // 2024-05-01T12:34:56[.frac](Z|+hh:mm)
  int year = 0, month = 0, day = 0;
  if (s.size() < 20 || !IsDateTimeNumber(s, 0, 4, 0, 9999, &year) || s[4] != '-' ||
      !IsDateTimeNumber(s, 5, 2, 1, 12, &month) || s[7] != '-' ||
      !IsDateTimeNumber(s, 8, 2, 1, 31, &day) || day > DaysInMonth(year, month)) {
    return false;
  }
  if ((s[10] != 'T' && s[10] != 't') || !IsDateTimeNumber(s, 11, 2, 0, 23, nullptr) ||
      s[13] != ':' || !IsDateTimeNumber(s, 14, 2, 0, 59, nullptr) || s[16] != ':' ||
      !IsDateTimeNumber(s, 17, 2, 0, 60, nullptr)) {
    return false;
  }
  std::size_t i = 19;
  if (s[i] == '.') {
    const std::size_t begin = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == begin) return false;
  }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) return i + 1 == s.size();
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    return s.size() == i + 6 && IsDateTimeNumber(s, i + 1, 2, 0, 23, nullptr) && s[i + 3] == ':' &&
           IsDateTimeNumber(s, i + 4, 2, 0, 59, nullptr);
  }
  return false;
}

bool IsSpdxExpression(std::string_view s) { return SpdxParser(s).Valid(); }

bool IsGitHash(std::string_view s) {
  if (!((s.size() >= 7 && s.size() <= 40) || s.size() == 64)) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); });
}

bool IsSemver(std::string_view s) {
  const std::size_t plus = s.find('+');
  if (plus != std::string_view::npos) {
    if (!IsSemverIdentifiers(s.substr(plus + 1), false)) return false;
    s = s.substr(0, plus);
  }
  const std::size_t dash = s.find('-');
  if (dash != std::string_view::npos) {
    if (!IsSemverIdentifiers(s.substr(dash + 1), true)) return false;
    s = s.substr(0, dash);
  }
  // MAJOR.MINOR.PATCH
  for (int part = 0; part < 3; ++part) {
    const std::size_t dot = s.find('.');
    if ((part < 2) != (dot != std::string_view::npos)) return false;
    if (!IsNumericIdentifier(s.substr(0, dot))) return false;
    if (dot != std::string_view::npos) s.remove_prefix(dot + 1);
  }
  return true;
}

bool IsEmail(std::string_view s) {
  // A quoted local part may hold `@`: the domain starts after the last one.
  const std::size_t at = s.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = s.substr(0, at);
  const std::string_view domain = s.substr(at + 1);
  return (IsDotAtom(local) || IsQuotedString(local)) &&
         (IsDotAtom(domain) || IsDomainLiteral(domain));
}

}  // namespace shipshape::rules
