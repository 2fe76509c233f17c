# A Linux image whose user is named like Windows' is still judged.
FROM example.com/window-manager:1.0
# expect: DL3066 @6 "`ContainerUser`"
USER ContainerUser
