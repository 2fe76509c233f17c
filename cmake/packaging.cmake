# Installation (`cmake --install build`, prefix /usr/local by default) and the Debian package
# (`make deb`: cpack -G DEB, prefix /usr). docs/ARCHITECTURE.md, "Packaging", says why each
# piece is where it is; tests/package/package_test.sh checks the result with lintian.
include(GNUInstallDirs)

install(TARGETS shipshape RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
# When stripping (cpack, `cmake --install --strip`), also drop the compilers' version notes, as
# Debian's dh_strip does.
install(CODE [[
  if(CMAKE_INSTALL_DO_STRIP)
    execute_process(COMMAND objcopy --remove-section=.comment
      "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin/shipshape" COMMAND_ERROR_IS_FATAL ANY)
  endif()
]])
install(FILES "${SHIPSHAPE_SHARE}/man/man1/shipshape.1.gz"
  DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${SHIPSHAPE_SHARE}/bash-completion/completions/shipshape"
  DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions")
install(FILES "${SHIPSHAPE_SHARE}/zsh/vendor-completions/_shipshape"
  DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions")
install(FILES "${SHIPSHAPE_SHARE}/fish/vendor_completions.d/shipshape.fish"
  DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/fish/vendor_completions.d")

# /usr/share/doc/shipshape: the README and changelog compressed (gzip -9n, as Debian's policy
# asks of documentation), and the license as Debian's machine-readable copyright file, which
# points to /usr/share/common-licenses/Apache-2.0 rather than repeating the text.
set(SHIPSHAPE_DOC "${CMAKE_BINARY_DIR}/doc")
foreach(pair "README.md:README.md.gz" "packaging/debian/changelog:changelog.gz")
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 source)
  list(GET pair 1 target)
  add_custom_command(OUTPUT "${SHIPSHAPE_DOC}/${target}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${SHIPSHAPE_DOC}"
    COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh "${CMAKE_SOURCE_DIR}/${source}"
      "${SHIPSHAPE_DOC}/${target}"
    DEPENDS "${CMAKE_SOURCE_DIR}/${source}"
    VERBATIM)
  list(APPEND SHIPSHAPE_DOC_FILES "${SHIPSHAPE_DOC}/${target}")
endforeach()
add_custom_target(shipshape_doc_files ALL DEPENDS ${SHIPSHAPE_DOC_FILES})
install(FILES ${SHIPSHAPE_DOC_FILES} "${CMAKE_SOURCE_DIR}/packaging/debian/copyright"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# The package's version is the project's; packaging/debian/changelog's top entry must say the
# same (the package test checks).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME shipshape)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/package")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fast, exact Dockerfile linter, fixer and image auditor")
# The first line of Description is the summary above; this is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "shipshape lints Dockerfiles with hadolint's rules and codes (its flags,
configuration files and ignore pragmas work unchanged), Docker's build checks
and its own rules on secrets, the supply chain, layers and the shipped image.
It parses exactly what BuildKit parses, reports findings at exact columns,
fixes many of them in place, and checks RUN scripts with ShellCheck when it is
installed.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # shipshape_<version>_<arch>.deb
set(SHIPSHAPE_MAINTAINER "The shipshape authors <shipshape@example.org>" CACHE STRING
  "The Debian package's Maintainer field")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SHIPSHAPE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: what dpkg-shlibdeps finds the binary linked against (libc6 alone when it links
# mostly-static), so it is never a hand-kept list, plus libssl3, whose libcrypto the binary
# loads with dlopen for every digest it verifies (`image`, `pin`; src/base/hash.cc), which
# dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libssl3")
# ShellCheck for RUN scripts; libcurl4 for `shipshape pin` to reach registries (loaded when
# it fetches, not linked).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shellcheck, libcurl4")
# Directories 0755 whatever the umask of the machine that builds.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
