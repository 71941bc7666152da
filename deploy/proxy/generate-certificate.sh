#!/bin/sh
# Makes sure the proxy has a certificate: when $CERTIFICATE_DIR holds tls.crt and tls.key (a real
# certificate mounted by the operator, or one made on an earlier start) it checks that they belong
# together and leaves them alone; when it holds neither, it generates a self-signed certificate for
# $PUBLIC_HOSTNAME (valid 397 days) so the stack serves HTTPS from the first start.
# docker-compose.yml runs it in the proxy-certificate container (user 0, group 101 = nginx, so the key
# is readable by the proxy's group and by nobody else). docs/operations.md says how to mount a real one.
set -eu

dir=${CERTIFICATE_DIR:-/etc/nginx/certs}
host=${PUBLIC_HOSTNAME:-localhost}
certificate=$dir/tls.crt
key=$dir/tls.key

if [ -f "$certificate" ] && [ -f "$key" ]; then
	if [ ! -r "$key" ]; then
		echo "generate-certificate: $key is not readable by group $(id -g); chgrp $(id -g) and chmod 640 it" >&2
		exit 1
	fi
	if [ "$(openssl x509 -in "$certificate" -noout -pubkey)" != "$(openssl pkey -in "$key" -pubout)" ]; then
		echo "generate-certificate: $certificate and $key do not belong together" >&2
		exit 1
	fi
	echo "generate-certificate: using the certificate in $dir ($(openssl x509 -in "$certificate" -noout -subject))"
	exit 0
fi
if [ -f "$certificate" ] || [ -f "$key" ]; then
	echo "generate-certificate: $dir holds only one of tls.crt and tls.key; mount both" >&2
	exit 1
fi

case $host in
	*[!0-9.]*) san="DNS:$host" ;;
	*) san="IP:$host" ;;
esac
umask 027
openssl req -x509 -newkey rsa:2048 -sha256 -days 397 -nodes -subj "/CN=$host" \
	-addext "subjectAltName=$san" -keyout "$key" -out "$certificate" 2>/dev/null
chmod 640 "$key"
chmod 644 "$certificate"
echo "generate-certificate: generated a self-signed certificate for $host in $dir; mount a real one for production"
