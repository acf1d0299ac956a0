// Figma's main-thread entry: everything else lives in host/ and the pure rooms.
import { startPlugin } from './host/plugin'

startPlugin(figma, __html__)
