// The one door to @peculiar/x509: the Reflect shim first (see reflect-shim.ts), then the library.
import './reflect-shim'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(globalThis.crypto)
export { x509 }
