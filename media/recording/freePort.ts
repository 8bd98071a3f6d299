// A free UDP port on loopback for ffmpeg to listen on: bound by the system, then released for ffmpeg to take.
import dgram from 'node:dgram';

export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
